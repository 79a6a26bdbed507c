package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.acceptedOrRefusedClearly;
import static cn.kaowu.platform.hostile.HostileFiles.unzip;
import static cn.kaowu.platform.hostile.HostileFiles.zip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.hostile.HostileFiles.Mutation;
import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random mutations of a valid xlsx, at the byte level of the zip and inside its XML parts (re-zipped, so the
 * mutation reaches the XML parser): the reader either returns rows or refuses with a Chinese message — never
 * another exception, never a hang.
 */
class SpreadsheetFuzzTest {

	private static final byte[] VALID = SpreadsheetHostileTest.valid();

	private static final Map<String, byte[]> PARTS = unzip(VALID);

	private static final List<String> NAMES = List.copyOf(PARTS.keySet());

	private static void read(byte[] file) {
		List<SheetRow> rows = new ArrayList<>();
		Spreadsheets.read("file", "fuzz.xlsx", file, SpreadsheetHostileTest.HEADERS, rows::add);
	}

	@Property(tries = 150)
	void mutatedZipBytes(@ForAll Mutation mutation, @ForAll @IntRange(max = 1_000_000) int at,
			@ForAll @Size(max = 12) byte[] bytes) {
		byte[] file = mutation.apply(VALID, at, bytes);
		acceptedOrRefusedClearly(() -> read(file));
	}

	@Property(tries = 250)
	void mutatedXmlParts(@ForAll @IntRange(max = 1_000) int part, @ForAll Mutation mutation,
			@ForAll @IntRange(max = 1_000_000) int at, @ForAll @Size(max = 12) byte[] bytes) {
		String name = NAMES.get(part % NAMES.size());
		var parts = new java.util.LinkedHashMap<>(PARTS);
		parts.put(name, mutation.apply(PARTS.get(name), at, bytes));
		byte[] file = zip(parts);
		acceptedOrRefusedClearly(() -> read(file));
	}

	@Property(tries = 100)
	void mutatedSheetWithMarkup(@ForAll @IntRange(max = 1_000_000) int at,
			@ForAll("markup") String markup) {
		String sheet = HostileFiles.text(PARTS.get(SpreadsheetHostileTest.SHEET));
		int i = Math.floorMod(at, sheet.length());
		var parts = new java.util.LinkedHashMap<>(PARTS);
		parts.put(SpreadsheetHostileTest.SHEET, HostileFiles.utf8(sheet.substring(0, i) + markup + sheet.substring(i)));
		byte[] file = zip(parts);
		acceptedOrRefusedClearly(() -> read(file));
	}

	@net.jqwik.api.Provide
	net.jqwik.api.Arbitrary<String> markup() {
		return net.jqwik.api.Arbitraries.of("<row>", "</row>", "<c r=\"A9\">", "<c t=\"s\"><v>9999</v></c>", "<v>",
				"</c>", "<is><t>", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#xD800;", "&bogus;", "<!ENTITY a \"b\">", "<?pi?>",
				"\u0000", "\uFFFF", "r=\"0\"", "r=\"XFD1048577\"", "<row r=\"1048576\">", "<f>SUM(A1)</f>", " t=\"b\"",
				"<sheetData>", "</worksheet>", "<c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c>");
	}
}
