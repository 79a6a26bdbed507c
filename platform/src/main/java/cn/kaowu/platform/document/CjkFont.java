package cn.kaowu.platform.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The Chinese font of every PDF. PDFBox subsets only TrueType outlines, so this looks for a TrueType CJK
 * font (WenQuanYi Micro Hei first) unless {@code kaowu.pdf.font} names one. The bytes are read once per
 * process; each document embeds only the glyphs it uses.
 */
final class CjkFont {

	/** TrueType CJK fonts of Debian packages, in order of preference. */
	static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

	private static volatile byte @Nullable [] bytes;

	private static volatile @Nullable String source;

	private CjkFont() {
	}

	static synchronized void configure(@Nullable String path) {
		if (path != null && !path.isBlank()) {
			load(Path.of(path));
		}
	}

	/** Where the font came from (for logs and the health of the document module). */
	static String source() {
		ensureLoaded();
		return source;
	}

	static PDType0Font embedIn(PDDocument document) throws IOException {
		ensureLoaded();
		TrueTypeFont font;
		if (source.endsWith(".ttc")) {
			// The first font of the collection is the regular face for all the candidates above.
			TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
			TrueTypeFont[] first = new TrueTypeFont[1];
			collection.processAllFonts(f -> {
				if (first[0] == null) {
					first[0] = f;
				}
			});
			font = first[0];
		}
		else {
			font = new org.apache.fontbox.ttf.TTFParser().parse(new RandomAccessReadBuffer(bytes));
		}
		return PDType0Font.load(document, font, true);
	}

	private static void ensureLoaded() {
		if (bytes != null) {
			return;
		}
		synchronized (CjkFont.class) {
			if (bytes != null) {
				return;
			}
			Optional<Path> found = CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
			load(found.orElseThrow(() -> new IllegalStateException(
					"PDF 需要中文 TrueType 字体，但本机没有：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），"
							+ "或用 kaowu.pdf.font 指定一个 .ttf/.ttc 文件 (no CJK TrueType font found: install fonts-wqy-microhei)")));
		}
	}

	private static void load(Path path) {
		try {
			bytes = Files.readAllBytes(path);
			source = path.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read font " + path, e);
		}
	}
}
