package cn.kaowu.platform.materials;

import java.awt.Color;

import cn.kaowu.platform.document.PdfCanvas;

/** Ruled forms on A4: title, head table with shaded labels, table rows, footer. Left edge 20 mm, width 170 mm. */
final class Sheets {

	static final float LEFT = 20;

	static final float WIDTH = 170;

	static final Color INK = Color.BLACK;

	static final Color SHADE = new Color(0xEB, 0xEB, 0xEB);

	static final float RULE = 0.6f;

	private Sheets() {
	}

	/** A centred bold title with its baseline at {@code y}; returns the y below it. */
	static float title(PdfCanvas pdf, String title, float y) {
		pdf.color(INK).textBoldCentered(title, pdf.pageWidth() / 2, y, 18);
		return y + 6;
	}

	/**
	 * The head of a form: rows of label/value pairs (2 cells: one pair spanning the width; 4 cells: two pairs).
	 * Returns the y below the table.
	 */
	static float head(PdfCanvas pdf, float y, String[]... rows) {
		float h = 7.5f;
		for (String[] row : rows) {
			if (row.length == 2) {
				pair(pdf, LEFT, y, 24, WIDTH - 24, h, row[0], row[1]);
			}
			else {
				pair(pdf, LEFT, y, 24, 61, h, row[0], row[1]);
				pair(pdf, LEFT + 85, y, 24, 61, h, row[2], row[3]);
			}
			y += h;
		}
		return y;
	}

	private static void pair(PdfCanvas pdf, float x, float y, float lw, float vw, float h, String label, String value) {
		pdf.color(SHADE).fillRect(x, y, lw, h).color(INK);
		pdf.rect(x, y, lw, h, RULE).rect(x + lw, y, vw, h, RULE);
		pdf.textInBox(label, x, y, lw, h, 10);
		pdf.textInBoxLeft(value, x + lw, y, vw, h, 10);
	}

	/** One table row of cells with centred text; {@code header} shades it. */
	static void row(PdfCanvas pdf, float y, float[] widths, float h, float size, boolean header, String... texts) {
		float x = LEFT;
		for (int i = 0; i < widths.length; i++) {
			if (header) {
				pdf.color(SHADE).fillRect(x, y, widths[i], h).color(INK);
			}
			pdf.rect(x, y, widths[i], h, RULE);
			if (i < texts.length && !texts[i].isEmpty()) {
				pdf.textInBox(texts[i], x, y, widths[i], h, size);
			}
			x += widths[i];
		}
	}

	/** A box with a label in its top-left corner for handwriting; returns the y below it. */
	static float writingBox(PdfCanvas pdf, float y, float h, String label) {
		pdf.rect(LEFT, y, WIDTH, h, RULE);
		pdf.paragraph(label, LEFT + 2, y + 5.5f, WIDTH - 4, 10, 5);
		return y + h;
	}

	/** Page number ({@code pages} ≤ 0: total not known) and a note at the foot of the page. */
	static void footer(PdfCanvas pdf, int page, int pages, String note) {
		pdf.color(INK).text(note, LEFT, 287, 8);
		pdf.textRight("第 " + page + " 页" + (pages > 0 ? " 共 " + pages + " 页" : ""), LEFT + WIDTH, 287, 8);
	}

	static String kindTitle(String title, ExamKind kind) {
		return title + "（" + kind.label() + "考试）";
	}
}
