package cn.kaowu.platform.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Draws PDF pages in millimetres from the top-left corner, with the embedded CJK font. One canvas is one
 * file (many pages share one font subset). Not thread-safe; create one per document.
 *
 * <pre>
 * try (PdfCanvas pdf = PdfCanvas.create("考核站点资格证书")) {
 *     pdf.newPage(PdfCanvas.A4);
 *     pdf.textCentered("考核站点资格证书", 105, 40, 24);
 *     byte[] bytes = pdf.toBytes();
 * }
 * </pre>
 */
public final class PdfCanvas implements AutoCloseable {

	public static final PDRectangle A4 = PDRectangle.A4;

	public static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
			PDRectangle.A4.getWidth());

	static final float POINTS_PER_MM = 72f / 25.4f;

	/** Printed for characters the font lacks (U+25A1 WHITE SQUARE). */
	private static final char MISSING_GLYPH = '\u25A1';

	private static final String NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)";

	private final PDDocument document = new PDDocument();

	private final PDType0Font font;

	private final TrueTypeFont parsedFont;

	private boolean closed;

	/** Advance widths (font units) of BMP characters, filled on first use; NaN = not yet known. */
	private final float[] advance = new float[Character.MAX_VALUE + 1];

	private PDPage page;

	/** The page's content stream, or a template's while it is drawn. */
	private PDPageContentStream content;

	/** Size of what is drawn now: the page, or the template being drawn. */
	private PDRectangle box;

	private PdfCanvas(String title) {
		try {
			this.parsedFont = CjkFont.borrow();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			this.font = CjkFont.embed(document, parsedFont);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Arrays.fill(advance, Float.NaN);
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(title);
		info.setCreator("Kaowu 考务平台");
	}

	public static PdfCanvas create(String title) {
		return new PdfCanvas(title);
	}

	public PdfCanvas newPage(PDRectangle size) {
		closeContent();
		page = new PDPage(size);
		box = size;
		document.addPage(page);
		try {
			content = new PDPageContentStream(document, page);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return this;
	}

	/** Page width in millimetres. */
	public float pageWidth() {
		return box.getWidth() / POINTS_PER_MM;
	}

	public float pageHeight() {
		return box.getHeight() / POINTS_PER_MM;
	}

	/**
	 * Draws what many pages of this file share (frames, labels, rules text) once, as a PDF form XObject that each
	 * page then references with {@link #stamp}: a batch of tickets encodes the fixed text once per file, not once
	 * per page. {@code drawing} uses this canvas with the same coordinates as a page of {@code size}; call it
	 * between pages or before the first one.
	 */
	public Template template(PDRectangle size, Consumer<PdfCanvas> drawing) {
		// An appearance stream is a form XObject that PDPageContentStream can draw into (PDFBox keeps its form
		// content stream class package-private).
		PDAppearanceStream form = new PDAppearanceStream(document);
		form.setBBox(new PDRectangle(size.getWidth(), size.getHeight()));
		form.setResources(new PDResources());
		PDPageContentStream pageContent = content;
		PDRectangle pageBox = box;
		try {
			content = new PDPageContentStream(document, form,
					form.getCOSObject().createOutputStream(COSName.FLATE_DECODE));
			box = size;
			drawing.accept(this);
			content.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			content = pageContent;
			box = pageBox;
		}
		return new Template(form, this);
	}

	/** Draws a template of this file on the current page. */
	public PdfCanvas stamp(Template template) {
		if (template.owner != this) {
			throw new IllegalArgumentException("a template belongs to the file it was drawn in");
		}
		return run(() -> content.drawForm(template.form));
	}

	/** A drawing shared by many pages of one file (see {@link #template}). */
	public static final class Template {

		private final PDAppearanceStream form;

		private final PdfCanvas owner;

		private Template(PDAppearanceStream form, PdfCanvas owner) {
			this.form = form;
			this.owner = owner;
		}
	}

	/** Width of a text in millimetres at a font size in points. */
	public float width(String text, float size) {
		float units = 0;
		for (int i = 0; i < text.length(); i++) {
			units += units(text.charAt(i));
		}
		return units / 1000f * size / POINTS_PER_MM;
	}

	/** Advance of a character in font units; a character the font lacks is drawn (and measured) as □. */
	private float units(char c) {
		float a = advance(c);
		return a >= 0 ? a : advance(MISSING_GLYPH);
	}

	private float advance(char c) {
		float a = advance[c];
		if (Float.isNaN(a)) {
			try {
				// Surrogates (CJK extension B and beyond) are outside the font: each pair prints as one □.
				a = Character.isSurrogate(c) || Character.isISOControl(c) ? -1
						: font.getStringWidth(String.valueOf(c));
			}
			catch (IOException | IllegalArgumentException e) {
				a = -1;
			}
			advance[c] = a;
		}
		return a;
	}

	/**
	 * The text with every character the font cannot draw replaced by □, so that a rare character in a name prints
	 * as a visible gap for the college to fill in by hand instead of failing a whole batch.
	 */
	String printable(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (advance(text.charAt(i)) < 0) {
				StringBuilder b = new StringBuilder(text.length());
				for (int j = 0; j < text.length(); j++) {
					char c = text.charAt(j);
					if (advance(c) >= 0) {
						b.append(c);
					}
					else if (!Character.isLowSurrogate(c) || j == 0 || !Character.isHighSurrogate(text.charAt(j - 1))) {
						b.append(MISSING_GLYPH);
					}
				}
				return b.toString();
			}
		}
		return text;
	}

	/** The largest size ≤ {@code size} at which {@code text} fits in {@code maxWidth} mm (never below 5 pt). */
	public float fit(String text, float maxWidth, float size) {
		float w = width(text, size);
		return w <= maxWidth ? size : Math.max(5f, size * maxWidth / w);
	}

	/** Text whose baseline starts at (x, y) mm. */
	public PdfCanvas text(String text, float x, float y, float size) {
		return run(() -> {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(pt(x), ptY(y));
			content.showText(printable(text));
			content.endText();
		});
	}

	/** Bold-looking text (filled and stroked outlines: the font has one weight). */
	public PdfCanvas textBold(String text, float x, float y, float size) {
		return run(() -> {
			content.beginText();
			content.setFont(font, size);
			content.setRenderingMode(RenderingMode.FILL_STROKE);
			content.setLineWidth(size * 0.035f);
			content.newLineAtOffset(pt(x), ptY(y));
			content.showText(printable(text));
			content.endText();
			content.setRenderingMode(RenderingMode.FILL);
		});
	}

	public PdfCanvas textBoldCentered(String text, float centerX, float y, float size) {
		return textBold(text, centerX - width(text, size) / 2, y, size);
	}

	/**
	 * Text centred horizontally and vertically in the box with top-left (x, y), shrunk to fit its width with 1 mm
	 * padding on each side.
	 */
	public PdfCanvas textInBox(String text, float x, float y, float w, float h, float size) {
		float s = fit(text, w - 2, size);
		// Cap height of CJK glyphs is about 0.7 em; baseline so the glyphs sit in the middle of the box.
		float baseline = y + h / 2 + s / POINTS_PER_MM * 0.35f;
		return text(text, x + (w - width(text, s)) / 2, baseline, s);
	}

	/** Text left-aligned in the box with top-left (x, y), vertically centred, shrunk to fit. */
	public PdfCanvas textInBoxLeft(String text, float x, float y, float w, float h, float size) {
		float s = fit(text, w - 2, size);
		return text(text, x + 1.5f, y + h / 2 + s / POINTS_PER_MM * 0.35f, s);
	}

	public PdfCanvas textCentered(String text, float centerX, float y, float size) {
		return text(text, centerX - width(text, size) / 2, y, size);
	}

	public PdfCanvas textRight(String text, float rightX, float y, float size) {
		return text(text, rightX - width(text, size), y, size);
	}

	/**
	 * Text wrapped to {@code maxWidth} mm (Chinese breaks anywhere), lines {@code leading} mm apart.
	 *
	 * @return the baseline of the line after the last one
	 */
	public float paragraph(String text, float x, float y, float maxWidth, float size, float leading) {
		float line = y;
		for (String l : wrap(text, maxWidth, size)) {
			text(l, x, line, size);
			line += leading;
		}
		return line;
	}

	/** The lines {@link #paragraph} draws: Chinese breaks anywhere, closing punctuation hangs at the line end. */
	public List<String> wrap(String text, float maxWidth, float size) {
		float maxUnits = maxWidth * POINTS_PER_MM / size * 1000f;
		List<String> lines = new ArrayList<>();
		for (String para : text.split("\n", -1)) {
			StringBuilder current = new StringBuilder();
			float units = 0;
			for (int i = 0; i < para.length(); i++) {
				char c = para.charAt(i);
				float a = units(c);
				// Closing punctuation never starts a line (Chinese typesetting); it hangs at the line end.
				if (current.length() > 0 && units + a > maxUnits && NO_LINE_START.indexOf(c) < 0) {
					lines.add(current.toString());
					current.setLength(0);
					units = 0;
				}
				current.append(c);
				units += a;
			}
			lines.add(current.toString());
		}
		return lines;
	}

	public PdfCanvas line(float x1, float y1, float x2, float y2, float widthPt) {
		return run(() -> {
			content.setLineWidth(widthPt);
			content.moveTo(pt(x1), ptY(y1));
			content.lineTo(pt(x2), ptY(y2));
			content.stroke();
		});
	}

	/** A rectangle outline; (x, y) is its top-left corner. */
	public PdfCanvas rect(float x, float y, float w, float h, float widthPt) {
		return run(() -> {
			content.setLineWidth(widthPt);
			content.addRect(pt(x), ptY(y + h), pt(w), pt(h));
			content.stroke();
		});
	}

	/** A filled rectangle in the current colour; (x, y) is its top-left corner. */
	public PdfCanvas fillRect(float x, float y, float w, float h) {
		return run(() -> {
			content.addRect(pt(x), ptY(y + h), pt(w), pt(h));
			content.fill();
		});
	}

	/** Dashes for the following lines ({@code on}, {@code off} in mm); no arguments for solid lines again. */
	public PdfCanvas dash(float... onOff) {
		float[] pattern = new float[onOff.length];
		for (int i = 0; i < onOff.length; i++) {
			pattern[i] = pt(onOff[i]);
		}
		return run(() -> content.setLineDashPattern(pattern, 0));
	}

	public PdfCanvas color(Color color) {
		return run(() -> {
			content.setNonStrokingColor(color);
			content.setStrokingColor(color);
		});
	}

	/** A JPEG or PNG image in the box with top-left (x, y). */
	public PdfCanvas image(byte[] imageBytes, String name, float x, float y, float w, float h) {
		return run(() -> {
			PDImageXObject image = Jpeg.embed(document, imageBytes);
			if (image == null) {
				image = PDImageXObject.createFromByteArray(document, imageBytes, name);
			}
			content.drawImage(image, pt(x), ptY(y + h), pt(w), pt(h));
		});
	}

	/** A QR code of {@code text} as vector squares in a {@code size} mm box with top-left (x, y). */
	public PdfCanvas qrCode(String text, float x, float y, float size) {
		BitMatrix matrix;
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
			hints.put(EncodeHintType.MARGIN, 0);
			hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("cannot encode QR code", e);
		}
		float cell = size / matrix.getWidth();
		return run(() -> {
			for (int row = 0; row < matrix.getHeight(); row++) {
				// One rectangle per horizontal run of dark modules: a third of the operators, no seams.
				for (int col = 0; col < matrix.getWidth(); col++) {
					if (matrix.get(col, row)) {
						int start = col;
						while (col + 1 < matrix.getWidth() && matrix.get(col + 1, row)) {
							col++;
						}
						content.addRect(pt(x + start * cell), ptY(y + (row + 1) * cell), pt((col - start + 1) * cell),
								pt(cell));
					}
				}
			}
			content.fill();
		});
	}

	/**
	 * Writes the file to {@code out} (the subset font is embedded once) and leaves {@code out} open, so many files
	 * can go one after the other into one {@link java.util.zip.ZipOutputStream}.
	 */
	public void writeTo(OutputStream out) {
		closeContent();
		try {
			document.save(new FilterOutputStream(out) {

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					out.write(b, off, len);
				}

				@Override
				public void close() throws IOException {
					out.flush();
				}
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Number of pages so far. */
	public int pageCount() {
		return document.getNumberOfPages();
	}

	public byte[] toBytes() {
		closeContent();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			closeContent();
			document.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			CjkFont.release(parsedFont);
		}
	}

	private void closeContent() {
		if (content != null) {
			try {
				content.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			content = null;
		}
	}

	private static float pt(float mm) {
		return mm * POINTS_PER_MM;
	}

	private float ptY(float mmFromTop) {
		return box.getHeight() - pt(mmFromTop);
	}

	private interface Drawing {

		void draw() throws IOException;
	}

	private PdfCanvas run(Drawing drawing) {
		if (content == null) {
			throw new IllegalStateException("call newPage first");
		}
		try {
			drawing.draw();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return this;
	}
}
