package cn.kaowu.platform.site;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.kernel.Scope;

/** Site test data: real small PDFs and PNGs, forms, and all-met checklist ticks. */
public final class SiteMother {

	private SiteMother() {
	}

	public static byte[] pdf(String text) {
		try (PdfCanvas pdf = PdfCanvas.create(text)) {
			pdf.newPage(PdfCanvas.A4);
			pdf.text(text, 20, 30, 14);
			return pdf.toBytes();
		}
	}

	public static byte[] png(int rgb) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(rgb));
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static SiteApplicationForm form(long certificateId) {
		return SiteApplicationForm.of(certificateId, "陈老师", "13805171234", 2, 90, "两个机房");
	}

	public static SiteView applied(SiteManagement sites, Scope college, long certificateId) {
		return sites.create(college, form(certificateId), new SiteUpload("申请表.pdf", pdf("考核站点申请表")),
				List.of(new SiteUpload("机房.png", png(0x3366AA))));
	}

	public static ReviewDecision allMet(List<ChecklistItemView> items) {
		return new ReviewDecision(items.stream().map(i -> new ReviewDecision.Tick(i.id(), true, null)).toList(), null);
	}
}
