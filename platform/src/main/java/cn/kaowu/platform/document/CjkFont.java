package cn.kaowu.platform.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The Chinese font of every PDF: WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0), shipped in the product as
 * {@code fonts/wqy-microhei.ttc} on the class path, so PDFs look the same on every machine. PDFBox subsets only
 * TrueType outlines, which this font has. The system property {@code kaowu.pdf.font} may name another TrueType
 * {@code .ttf}/{@code .ttc} file. The bytes are read once per process; each document embeds one subset with only
 * the glyphs it uses.
 * <p>
 * Parsing the font (its CJK cmap above all) costs more than drawing a page, so parsed fonts are pooled: a document
 * borrows one for its lifetime ({@link #borrow}) and gives it back when closed ({@link #release}). A parsed font is
 * not thread-safe, so one is never shared by two open documents; the pool holds at most as many as ran at once.
 */
final class CjkFont {

	static final String RESOURCE = "/fonts/wqy-microhei.ttc";

	private static volatile byte @Nullable [] bytes;

	private static volatile @Nullable String source;

	private CjkFont() {
	}

	/** Where the font came from (for logs and tests). */
	static String source() {
		ensureLoaded();
		return source;
	}

	private static final java.util.concurrent.ConcurrentLinkedDeque<TrueTypeFont> POOL = new java.util.concurrent.ConcurrentLinkedDeque<>();

	/** A parsed font for one document, from the pool or parsed now. */
	static TrueTypeFont borrow() throws IOException {
		TrueTypeFont pooled = POOL.pollFirst();
		return pooled != null ? pooled : parse();
	}

	/** Gives a font back after its document has been written or closed. */
	static void release(TrueTypeFont font) {
		POOL.offerFirst(font);
	}

	/** Embeds {@code font} (from {@link #borrow}) as a subset font of {@code document}. */
	static PDType0Font embed(PDDocument document, TrueTypeFont font) throws IOException {
		// closeTTF is false for this overload: the document leaves the pooled font open.
		return PDType0Font.load(document, font, true);
	}

	private static TrueTypeFont parse() throws IOException {
		ensureLoaded();
		TrueTypeFont font;
		if (source.endsWith(".ttc")) {
			// The first font of the collection is the regular (proportional) face.
			TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts(f -> {
				if (first[0] == null) {
					first[0] = f;
				}
			});
			font = first[0];
		}
		else {
			font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		}
		return font;
	}

	private static void ensureLoaded() {
		if (bytes != null) {
			return;
		}
		synchronized (CjkFont.class) {
			if (bytes != null) {
				return;
			}
			String configured = System.getProperty("kaowu.pdf.font");
			try {
				if (configured != null && !configured.isBlank()) {
					bytes = Files.readAllBytes(Path.of(configured));
					source = configured;
					return;
				}
				try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
					if (in == null) {
						throw new IllegalStateException("字体文件缺失：类路径上没有 " + RESOURCE + " (the shipped CJK font is missing)");
					}
					bytes = in.readAllBytes();
					source = "classpath:" + RESOURCE;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read the CJK font " + (configured != null ? configured : RESOURCE),
						e);
			}
		}
	}
}
