package cn.kaowu.platform.storage;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FileStorageIntegrationTest {

	@Autowired
	FileStorage storage;

	@Autowired
	TransactionTemplate tx;

	@Test
	void storesAndReadsBackTheSameBytesWithItsMetadata() {
		byte[] pdf = "%PDF-1.4 考务".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		StoredFile file = tx.execute(s -> storage.store(Scope.system(), "test", "form", "../申请表.pdf", pdf,
				UploadRules.of(5, FileType.PDF)));
		assertThat(file.originalName()).isEqualTo("申请表.pdf");
		assertThat(file.contentType()).isEqualTo("application/pdf");
		assertThat(storage.read(file.id())).isEqualTo(pdf);
		assertThat(storage.find(file.id())).contains(file);
	}
}
