package cn.kaowu.platform.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadChecksTest {

	static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 };

	@Test
	void recognisesTypesByContentNotByName() {
		UploadRules rules = UploadRules.of(5, FileType.PDF, FileType.JPEG, FileType.PNG);
		assertThat(FileStorage.check("form", "scan.jpg", PDF, rules)).isEqualTo(FileType.PDF);
		assertThat(FileStorage.check("photo", "photo.pdf", PNG, rules)).isEqualTo(FileType.PNG);
		assertThat(FileStorage.check("photo", "x", JPEG, rules)).isEqualTo(FileType.JPEG);
	}

	@Test
	void refusesAnExecutableRenamedToPdf() {
		byte[] elf = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 };
		assertThatThrownBy(() -> FileStorage.check("form", "申请表.pdf", elf, UploadRules.of(5, FileType.PDF)))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> {
				assertThat(e.fieldProblems().getFirst().field()).isEqualTo("form");
				assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.wrongType");
			});
	}

	@Test
	void sizeLimitIsInclusive() {
		UploadRules rules = UploadRules.of(1, FileType.PDF);
		byte[] exactly = Arrays.copyOf(PDF, (int) UploadRules.MB);
		assertThat(FileStorage.check("f", "a.pdf", exactly, rules)).isEqualTo(FileType.PDF);
		byte[] oneMore = Arrays.copyOf(PDF, (int) UploadRules.MB + 1);
		assertThatThrownBy(() -> FileStorage.check("f", "a.pdf", oneMore, rules))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.tooLarge"));
		assertThatThrownBy(() -> FileStorage.check("f", "a.pdf", new byte[0], rules))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.empty"));
	}

	@Test
	void namesLoseDirectoriesAndControlCharacters() {
		assertThat(FileStorage.safeName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileStorage.safeName("C:\\Users\\x\\申请表.pdf")).isEqualTo("申请表.pdf");
		assertThat(FileStorage.safeName("a\u0000b\r\n.pdf")).isEqualTo("a_b__.pdf");
		assertThat(FileStorage.safeName("..")).isEqualTo("file");
		assertThat(FileStorage.safeName(null)).isEqualTo("file");
		assertThat(FileStorage.safeName("x".repeat(300) + ".pdf")).hasSize(FileStorage.MAX_NAME_LENGTH).endsWith(".pdf");
	}
}
