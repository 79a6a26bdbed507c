package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.acceptedOrRefusedClearly;
import static cn.kaowu.platform.hostile.HostileFiles.unzip;
import static cn.kaowu.platform.hostile.HostileFiles.zip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.kaowu.exampackage.hostile.Tries;
import cn.kaowu.exampackage.hostile.Mutation;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a valid xlsx, at the byte level of the zip and inside its XML parts (re-zipped, so the
 * mutation reaches the XML parser): the reader either returns rows or refuses with a Chinese message — never
 * another exception, never a hang. Each test is a seeded loop of {@link Tries}: a failure names the seed and the
 * try to replay.
 */
class SpreadsheetFuzzTest {

	private static final byte[] VALID = SpreadsheetHostileTest.valid();

	private static final Map<String, byte[]> PARTS = unzip(VALID);

	private static final List<String> NAMES = List.copyOf(PARTS.keySet());

	private static void read(byte[] file) {
		List<SheetRow> rows = new ArrayList<>();
		Spreadsheets.read("file", "fuzz.xlsx", file, SpreadsheetHostileTest.HEADERS, rows::add);
	}

	private static final String[] MARKUP = {"<row>", "</row>", "<c r=\"A9\">", "<c t=\"s\"><v>9999</v></c>", "<v>",
			"</c>", "<is><t>", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<!ENTITY a \"b\">", "<?pi?>",
			"\u0000", "\uFFFF", "r=\"0\"", "r=\"XFD1048577\"", "<row r=\"1048576\">", "<f>SUM(A1)</f>", " t=\"b\"",
			"<sheetData>", "</worksheet>", "<c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c>"};

	@Test
	void mutatedZipBytes() {
		Tries.run(20_001, 150, random -> {
			byte[] file = mutate(random, VALID);
			acceptedOrRefusedClearly(() -> read(file));
		});
	}

	@Test
	void mutatedXmlParts() {
		Tries.run(20_002, 250, random -> {
			String name = NAMES.get(Tries.between(random, 0, 1_000) % NAMES.size());
			var parts = new LinkedHashMap<>(PARTS);
			parts.put(name, mutate(random, PARTS.get(name)));
			byte[] file = zip(parts);
			acceptedOrRefusedClearly(() -> read(file));
		});
	}

	@Test
	void mutatedSheetWithMarkup() {
		Tries.run(20_003, 100, random -> {
			String sheet = HostileFiles.text(PARTS.get(SpreadsheetHostileTest.SHEET));
			int i = Math.floorMod(Tries.between(random, 0, 1_000_000), sheet.length());
			String markup = Tries.oneOf(random, MARKUP);
			var parts = new LinkedHashMap<>(PARTS);
			parts.put(SpreadsheetHostileTest.SHEET,
					HostileFiles.utf8(sheet.substring(0, i) + markup + sheet.substring(i)));
			byte[] file = zip(parts);
			acceptedOrRefusedClearly(() -> read(file));
		});
	}

	/** A random mutation at a random place (wrapped around the data) with up to 12 random bytes. */
	private static byte[] mutate(Random random, byte[] data) {
		return Mutation.any(random, data, (byte) '<');
	}
}
