package cn.kaowu.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese text renders with an embedded subset font and can be extracted again. */
class PdfCanvasTest {

	@Test
	void chineseTextIsEmbeddedSubsetAndExtractable() throws IOException {
		byte[] bytes;
		try (PdfCanvas pdf = PdfCanvas.create("测试")) {
			pdf.newPage(PdfCanvas.A4);
			pdf.textCentered("考核站点资格证书", 105, 40, 24);
			pdf.paragraph("南京工业职业技术大学 网店运营推广职业技能等级证书考核站点，编号 ZD-2026-0001。", 25, 60, 160, 12, 7);
			pdf.rect(20, 20, 170, 257, 1);
			pdf.qrCode("https://kaowu.example/verify/ZD-2026-0001", 160, 240, 25);
			pdf.newPage(PdfCanvas.A4_LANDSCAPE);
			pdf.text("第二页", 20, 20, 12);
			bytes = pdf.toBytes();
		}
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "pdfcanvas-test.pdf"), bytes);
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(2);
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("考核站点资格证书").contains("网店运营推广").contains("第二页");
			PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			// Subset fonts carry a six-letter tag: the whole 5 MB font is not embedded.
			assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
		}
		assertThat(bytes.length).isLessThan(200_000);
	}

	@Test
	void theFontShipsWithTheProductAndIsReusedByLaterDocuments() throws IOException {
		assertThat(CjkFont.source()).isEqualTo("classpath:/fonts/wqy-microhei.ttc");
		for (String name : new String[] { "张三", "李四" }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (PdfCanvas pdf = PdfCanvas.create(name)) {
				pdf.newPage(PdfCanvas.A4);
				pdf.textBold("准考证 " + name, 20, 20, 14);
				pdf.textInBox("座位号", 20, 30, 30, 10, 12);
				pdf.writeTo(out);
				pdf.close();
			}
			try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
				assertThat(new PDFTextStripper().getText(doc)).contains("准考证 " + name, "座位号");
			}
		}
	}

	@Test
	void charactersTheFontLacksPrintAsAGapInsteadOfFailing() throws IOException {
		byte[] bytes;
		try (PdfCanvas pdf = PdfCanvas.create("生僻字")) {
			pdf.newPage(PdfCanvas.A4);
			// U+20000 (CJK extension B, a surrogate pair) and U+0378 (unassigned) are not in the font.
			pdf.text("姓名：王\uD840\uDC00明\u0378", 20, 20, 12);
			pdf.textBold("张\uD840\uDC00", 20, 30, 12);
			assertThat(pdf.printable("王\uD840\uDC00明")).isEqualTo("王□明");
			assertThat(pdf.printable("王明")).isSameAs("王明");
			bytes = pdf.toBytes();
		}
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("姓名：王□明□", "张□");
		}
	}

	@Test
	void wrapsChineseAnywhere() {
		try (PdfCanvas pdf = PdfCanvas.create("wrap")) {
			pdf.newPage(PdfCanvas.A4);
			var lines = pdf.wrap("一二三四五六七八九十", pdf.width("一二三", 12) + 0.1f, 12);
			assertThat(lines).containsExactly("一二三", "四五六", "七八九", "十");
			assertThat(pdf.wrap("一二三。四", pdf.width("一二三", 12) + 0.1f, 12)).containsExactly("一二三。", "四");
		}
	}
}
