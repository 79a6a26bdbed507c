package cn.kaowu.platform.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.Multipart;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile files through the real upload paths (issue 10 part 4): each answers 422 with the Chinese message on the
 * field {@code file}, and nothing is stored — no file, no job, no candidate, no stamp, no audit entry.
 */
@IntegrationTest
class HostileUploadsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	CertificateManagement certificates;

	@Autowired
	JdbcClient jdbc;

	private long count(String sql, long organisationId) {
		return jdbc.sql(sql).param(organisationId).query(Long.class).single();
	}

	private Map<String, Long> stored(long org) {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("stored_file", count("SELECT count(*) FROM stored_file WHERE organisation_id = ?", org));
		counts.put("job", count("SELECT count(*) FROM job WHERE organisation_id = ?", org));
		counts.put("audit", count("SELECT count(*) FROM audit_entry WHERE organisation_id = ?", org));
		counts.put("stamp", count("SELECT count(*) FROM certificate_stamp WHERE college_id = ?", org));
		return counts;
	}

	@Test
	void hostileImportsAnswer422AndStoreNothing() {
		var college = world.college(world.province());
		var account = world.account(Role.COLLEGE_ADMIN, college);
		Multipart upload = new Multipart(port, account.username(), TestWorld.PASSWORD);
		Map<String, Long> before = stored(college.id());

		byte[] valid = SpreadsheetHostileTest.valid();
		Map<String, byte[]> utf16 = new LinkedHashMap<>(HostileFiles.unzip(valid));
		utf16.put(SpreadsheetHostileTest.SHEET, ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"
				+ "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet/>")
			.getBytes(java.nio.charset.StandardCharsets.UTF_16));
		List<byte[]> hostile = List.of(
				SpreadsheetHostileTest.rewrite(valid, "[Content_Types].xml",
						xml -> xml.replaceFirst("<Types", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Types")),
				HostileFiles.zip(utf16),
				SpreadsheetHostileTest.sheetXml("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>999999999</v></c></row>"),
				HostileFiles.zip(HostileFiles.unzip(valid), Map.of("xl/media/bomb.bin", HostileFiles.repeated(600L << 20, (byte) 0))),
				HostileFiles.png(10, 10, false));
		for (byte[] file : hostile) {
			var r = upload.post("/api/v1/candidates/imports", Map.of(), "恶意.xlsx", file);
			assertThat(r.status()).as(r.body().toString()).isEqualTo(422);
			assertThat(r.fieldError("file")).contains("恶意.xlsx").matches(".*[\\u4e00-\\u9fff].*");
		}
		assertThat(stored(college.id())).isEqualTo(before);
	}

	@Test
	void aDecompressionBombStampIsRefusedAndNothingStored() {
		var college = world.college(world.province());
		Scope principal = world.scopeOf(world.account(Role.COLLEGE_PRINCIPAL, college));
		certificates.acceptAgreement(principal);
		Map<String, Long> before = stored(college.id());
		for (byte[] bomb : List.of(HostileFiles.pngDeclaring(20_000, 20_000), HostileFiles.pngDeclaring(65_535, 65_535),
				java.util.Arrays.copyOf(HostileFiles.png(120, 120, true), 300))) {
			Throwable t = catchThrowable(() -> certificates.uploadStamp(principal, "章.png", bomb));
			assertThat(t).isInstanceOf(InvalidInputProblem.class);
			((InvalidInputProblem) t).fieldProblems().forEach(HostileFiles::assertClear);
		}
		assertThat(stored(college.id())).isEqualTo(before);
	}
}
