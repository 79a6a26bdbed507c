package cn.kaowu.platform.certificate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.kaowu.platform.document.PdfSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The zip drawn on worker threads: entries in the rows' order whatever thread finishes first, electronic ones signed
 * and paper ones not, and a failure while preparing a row fails the zip instead of leaving a gap.
 */
class CertificateRendererTest {

	@TempDir
	Path keys;

	@Test
	void zipKeepsOrderAndModeOnWorkerThreads() throws Exception {
		CertificateRenderer renderer = new CertificateRenderer(PdfSignatures.open(keys, "考务平台", Clock.systemUTC()),
				"https://kaowu.example.cn/");
		byte[] stamp = CertificateRulesTest.stamp(100);
		List<IssueView> rows = new ArrayList<>();
		CertificatesBenchmark.rows(7).forEachRemaining(rows::add);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int n = renderer.zip(rows.iterator(), row -> new CertificateRenderer.Sheet(row,
				row.id() % 3 == 0 ? DeliveryMode.PAPER : DeliveryMode.ELECTRONIC, null, stamp), out, 2);
		assertThat(n).isEqualTo(7);
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
			int i = 0;
			for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry(), i++) {
				names.add(e.getName());
				boolean paper = rows.get(i).id() % 3 == 0;
				assertThat(PdfSignatures.verify(zip.readAllBytes()).valid()).isEqualTo(!paper);
			}
		}
		assertThat(names).containsExactlyElementsOf(rows.stream().map(CertificateRenderer::zipPath).toList());
		assertThat(renderer.verificationUrl("0012-1-2026000001"))
			.isEqualTo("https://kaowu.example.cn/portal/verify?no=0012-1-2026000001");

		assertThatThrownBy(() -> renderer.zip(rows.iterator(), row -> {
			if (row.id() == 4) {
				throw new IllegalStateException("照片读取失败");
			}
			return new CertificateRenderer.Sheet(row, DeliveryMode.ELECTRONIC, null, null);
		}, new ByteArrayOutputStream(), 2)).isInstanceOf(IllegalStateException.class).hasMessage("照片读取失败");
	}
}
