package cn.kaowu.platform.site;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import cn.kaowu.platform.document.PdfCanvas;

/** Draws the site qualification certificate (考核站点资格证书): A4 landscape, one page. */
final class QualificationCertificate {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final Color RED = new Color(0xB0, 0x1E, 0x23);

	private static final Color INK = new Color(0x22, 0x22, 0x22);

	private QualificationCertificate() {
	}

	static byte[] render(String siteName, String code, String certificateName, String organisationName,
			String collegeName, LocalDate from, LocalDate until) {
		try (PdfCanvas pdf = PdfCanvas.create("考核站点资格证书 " + code)) {
			pdf.newPage(PdfCanvas.A4_LANDSCAPE);
			float w = pdf.pageWidth();
			float h = pdf.pageHeight();
			pdf.color(RED).rect(10, 10, w - 20, h - 20, 3f).rect(14, 14, w - 28, h - 28, 0.8f);
			pdf.textCentered("考核站点资格证书", w / 2, 48, 30);
			pdf.color(INK);
			pdf.textCentered("证书编号：" + code, w / 2, 60, 12);
			float left = 40;
			float width = w - 80;
			float y = pdf.paragraph("兹认定 " + collegeName + " 符合" + certificateName
					+ "职业技能等级证书考核站点遴选条件与建设标准，经审核，准予设立考核站点，"
					+ "可面向本院校及社会开展该证书的考核评价实施工作。", left, 82, width, 15, 9);
			y += 6;
			String[][] rows = { { "站点名称", siteName }, { "站点编号", code }, { "考核证书", certificateName + "职业技能等级证书" },
					{ "培训评价组织", organisationName }, { "有效期", DATE.format(from) + " 至 " + DATE.format(until) } };
			for (String[] row : rows) {
				pdf.text(row[0] + "：", left + 10, y, 13);
				y = pdf.paragraph(row[1], left + 48, y, width - 60, 13, 7.5f) + 1.5f;
			}
			pdf.qrCode("KAOWU-SITE:" + code, left + 10, h - 58, 28);
			pdf.text("扫码核验站点编号", left + 10, h - 25, 8);
			pdf.textRight(organisationName, w - 40, h - 44, 14);
			pdf.textRight("发证日期：" + DATE.format(from), w - 40, h - 34, 12);
			return pdf.toBytes();
		}
	}
}
