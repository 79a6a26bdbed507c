package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.refusal;
import static cn.kaowu.platform.hostile.HostileFiles.refusalKey;
import static cn.kaowu.platform.hostile.HostileFiles.repeated;
import static cn.kaowu.platform.hostile.HostileFiles.text;
import static cn.kaowu.platform.hostile.HostileFiles.unzip;
import static cn.kaowu.platform.hostile.HostileFiles.utf8;
import static cn.kaowu.platform.hostile.HostileFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import cn.kaowu.platform.spreadsheet.SheetRow;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.spreadsheet.Spreadsheets.Column;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Hostile xlsx files, crafted part by part (issue 10 part 4): XXE and billion laughs in every part and in every
 * disguise, a 100 MB sharedStrings.xml deflated to almost nothing, a zip bomb, 1,048,576 rows, 16,384 columns,
 * formulas, cells of the wrong type. Each is refused with a Chinese message naming the file, within the safety
 * bound; cells are only ever read as text.
 */
class SpreadsheetHostileTest {

	static final List<String> HEADERS = List.of("*学生姓名", "*姓名拼音", "备注");

	static final String SHEET = "xl/worksheets/sheet1.xml";

	static byte[] valid() {
		return Spreadsheets.sheet("考生", HEADERS.stream().map(h -> new Column(h, 10)).toList(),
				List.of(List.of("张三", "Zhang San", ""), List.of("李四", "Li Si", "x")));
	}

	static List<SheetRow> read(byte[] file) {
		List<SheetRow> rows = new ArrayList<>();
		Spreadsheets.read("file", "hostile.xlsx", file, HEADERS, rows::add);
		return rows;
	}

	static byte[] rewrite(byte[] xlsx, String part, UnaryOperator<String> change) {
		Map<String, byte[]> parts = unzip(xlsx);
		assertThat(parts).containsKey(part);
		parts.put(part, utf8(change.apply(text(parts.get(part)))));
		return zip(parts);
	}

	/** A sheet whose rows are given as XML, headers first, with inline strings (no shared strings needed). */
	static byte[] sheetXml(String rowsXml) {
		String header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>*学生姓名</t></is></c>"
				+ "<c r=\"B1\" t=\"inlineStr\"><is><t>*姓名拼音</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>";
		return rewrite(valid(), SHEET, xml -> xml.replaceFirst("(?s)<sheetData>.*</sheetData>",
				java.util.regex.Matcher.quoteReplacement("<sheetData>" + header + rowsXml + "</sheetData>")));
	}

	@Test
	void theValidWorkbookIsReadSoTheCasesBelowAreMeaningful() {
		assertThat(read(valid())).hasSize(2);
		assertThat(read(sheetXml("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>王五</t></is></c>"
				+ "<c r=\"B2\" t=\"inlineStr\"><is><t>Wang Wu</t></is></c></row>"))).hasSize(1);
	}

	@Test
	void xxeAndEntityExpansionAreRefusedInEveryPartAndDisguise() {
		String xxe = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
		String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
				+ "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
				+ "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
		byte[] good = valid();
		int cases = 0;
		for (String part : unzip(good).keySet()) {
			for (String doctype : List.of(xxe, laughs, "<!doctype x SYSTEM \"http://169.254.169.254/\">",
					"<!-- " + "a".repeat(70_000) + " -->" + xxe, "\uFEFF" + xxe)) {
				byte[] evil = rewrite(good, part, xml -> {
					int root = xml.indexOf('<', xml.startsWith("<?") ? xml.indexOf("?>") : 0);
					return xml.substring(0, root) + doctype + xml.substring(root);
				});
				assertThat(refusalKey(() -> read(evil))).as(part).isEqualTo("spreadsheet.doctype");
				cases++;
			}
		}
		assertThat(cases).isGreaterThanOrEqualTo(25);
	}

	@Test
	void aDoctypeInUtf16IsRefusedToo() {
		byte[] good = valid();
		Map<String, byte[]> parts = unzip(good);
		String xml = text(parts.get(SHEET)).replaceFirst("<\\?xml[^>]*\\?>",
				"<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
		for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16)) {
			parts.put(SHEET, xml.getBytes(charset));
			byte[] evil = zip(parts);
			assertThat(refusalKey(() -> read(evil))).as(charset.name()).isEqualTo("spreadsheet.doctype");
		}
	}

	@Test
	void aDoctypeInAPartNotNamedXmlIsRefusedToo() {
		// The workbook's relationships may point the sheet at any name; the check must not trust the extension.
		Map<String, byte[]> parts = unzip(valid());
		String sheet = text(parts.remove(SHEET)).replaceFirst("<worksheet",
				"<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet");
		parts.put("xl/worksheets/sheet1.dat", utf8(sheet));
		parts.put("xl/_rels/workbook.xml.rels",
				utf8(text(parts.get("xl/_rels/workbook.xml.rels")).replace("worksheets/sheet1.xml", "worksheets/sheet1.dat")));
		byte[] evil = zip(parts);
		assertThat(refusalKey(() -> read(evil))).isEqualTo("spreadsheet.doctype");
	}

	@Test
	void hugeSharedStringsDeclaredSmallAreRefused() {
		Map<String, byte[]> parts = unzip(valid());
		byte[] bomb = zip(parts, Map.of("xl/sharedStrings.xml", out -> {
			out.write(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"));
			byte[] item = utf8("<si><t>" + "考".repeat(30) + "</t></si>");
			for (long n = 0; n < 100L * 1024 * 1024; n += item.length) {
				out.write(item);
			}
			out.write(utf8("</sst>"));
		}));
		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		var problem = refusal(() -> read(bomb));
		assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo("spreadsheet.partTooLarge");
		assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).contains("hostile.xlsx", "sharedStrings.xml");
	}

	@Test
	void aZipBombIsRefusedWhileInflating() {
		Map<String, byte[]> parts = unzip(valid());
		byte[] bomb = zip(parts, Map.of("xl/media/image1.png", repeated(600L * 1024 * 1024, (byte) 0)));
		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		assertThat(refusalKey(() -> read(bomb))).isEqualTo("spreadsheet.tooLarge");
	}

	@Test
	void aMillionRowsAreRefusedAtTheRowLimit() {
		Map<String, byte[]> parts = unzip(valid());
		String head = text(parts.get(SHEET));
		String before = head.substring(0, head.indexOf("<sheetData>") + "<sheetData>".length());
		String after = head.substring(head.indexOf("</sheetData>"));
		byte[] huge = zip(parts, Map.of(SHEET, out -> {
			out.write(utf8(before));
			out.write(utf8("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>*学生姓名</t></is></c>"
					+ "<c r=\"B1\" t=\"inlineStr\"><is><t>*姓名拼音</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"));
			for (int r = 2; r <= 1_048_576; r++) {
				out.write(utf8("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>张三</t></is></c>"
						+ "<c r=\"B" + r + "\" t=\"inlineStr\"><is><t>Zhang San</t></is></c></row>"));
			}
			out.write(utf8(after));
		}));
		assertThat(huge.length).isLessThan(Spreadsheets.MAX_MB * 1024 * 1024);
		int[] passed = {0};
		var problem = refusal(() -> Spreadsheets.read("file", "hostile.xlsx", huge, HEADERS, r -> passed[0]++));
		assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo("spreadsheet.tooManyRows");
		assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).contains("hostile.xlsx").containsPattern("60,?000");
		assertThat(passed[0]).isEqualTo(Spreadsheets.MAX_ROWS);
	}

	@Test
	void rowsOfSixteenThousandColumnsAreRefused() {
		StringBuilder rows = new StringBuilder();
		for (int r = 2; r <= 5_000; r++) {
			rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r)
				.append("\" t=\"inlineStr\"><is><t>张三</t></is></c><c r=\"XFD").append(r)
				.append("\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
		}
		byte[] wide = sheetXml(rows.toString());
		assertThat(refusalKey(() -> read(wide))).isEqualTo("spreadsheet.tooManyColumns");
	}

	@Test
	void formulasAreReadAsTheirCachedTextAndNeverWrittenBackAsFormulas() throws IOException {
		byte[] file = sheetXml("<row r=\"2\"><c r=\"A2\" t=\"str\"><f>HYPERLINK(\"http://evil.example/\",\"张三\")</f><v>张三</v></c>"
				+ "<c r=\"B2\"><f>1+1</f><v>2</v></c><c r=\"C2\" t=\"str\"><f>cmd|' /C calc'!A0</f></c></row>");
		List<SheetRow> rows = read(file);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).cells()).containsExactly("张三", "2", "");
		// A cell whose text looks like a formula goes back out in the failed-rows report as text, not a formula.
		byte[] report = Spreadsheets.failedRows(HEADERS,
				List.of(new Spreadsheets.FailedRow(2, List.of("=HYPERLINK(\"http://evil.example/\",\"x\")", "Zhang"), "原因")));
		assertThat(text(unzip(report).get(SHEET))).doesNotContain("<f>");
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
			assertThat(wb.getFirstSheet().read().get(1).getCellText(0)).startsWith("=HYPERLINK");
		}
	}

	@Test
	void cellsOfTheWrongTypeAreReadAsTextOrRefusedClearly() {
		List<String> cells = List.of("<c r=\"A2\" t=\"s\"><v>999999999</v></c>", "<c r=\"A2\" t=\"s\"><v>-1</v></c>",
				"<c r=\"A2\" t=\"s\"><v>abc</v></c>", "<c r=\"A2\" t=\"s\"/>", "<c r=\"A2\" t=\"n\"><v>张三</v></c>",
				"<c r=\"A2\" t=\"b\"><v>7</v></c>", "<c r=\"A2\" t=\"e\"><v>#DIV/0!</v></c>",
				"<c r=\"A2\" t=\"d\"><v>not a date</v></c>", "<c r=\"A2\" t=\"zz\"><v>1</v></c>",
				"<c r=\"A2\" s=\"99999\"><v>1</v></c>", "<c r=\"A99999999999\"><v>1</v></c>", "<c r=\"-5\"><v>1</v></c>",
				"<c r=\"ZZZZ2\"><v>1</v></c>", "<c><v>1</v></c>", "<c r=\"A2\"><v>1E400</v></c>",
				"<c r=\"A2\"><v>" + "9".repeat(5000) + "</v></c>", "<c r=\"A2\" t=\"inlineStr\"><is><t>" + "长".repeat(100_000) + "</t></is></c>");
		int accepted = 0;
		for (String cell : cells) {
			byte[] file = sheetXml("<row r=\"2\">" + cell + "<c r=\"B2\" t=\"inlineStr\"><is><t>Zhang</t></is></c></row>");
			try {
				if (HostileFiles.acceptedOrRefusedClearly(() -> read(file))) {
					accepted++;
				}
			}
			catch (AssertionError e) {
				throw new AssertionError(cell.substring(0, Math.min(80, cell.length())) + ": " + e.getMessage(), e);
			}
		}
		byte[] badRowNumber = sheetXml("<row r=\"abc\"><c r=\"A2\"><v>1</v></c></row>");
		HostileFiles.acceptedOrRefusedClearly(() -> read(badRowNumber));
		assertThat(accepted).isGreaterThan(0);
	}

	@Test
	void notAWorkbookAtAll() {
		Map<String, byte[]> noContentTypes = new LinkedHashMap<>(unzip(valid()));
		noContentTypes.remove("[Content_Types].xml");
		Map<String, byte[]> manyParts = new LinkedHashMap<>(unzip(valid()));
		for (int i = 0; i < 1_001; i++) {
			manyParts.put("xl/x" + i + ".txt", new byte[0]);
		}
		Map<String, byte[]> noSheet = new LinkedHashMap<>(unzip(valid()));
		noSheet.remove(SHEET);
		Map<String, byte[]> nested = new LinkedHashMap<>(unzip(valid()));
		nested.put(SHEET, valid());
		List<byte[]> files = List.of(new byte[0], new byte[] {'P', 'K'}, new byte[] {'P', 'K', 3, 4},
				new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0},
				"姓名,拼音\n张三,Zhang San".getBytes(StandardCharsets.UTF_8), HostileFiles.png(10, 10, false),
				zip(noContentTypes), zip(manyParts), zip(noSheet), zip(nested),
				java.util.Arrays.copyOf(valid(), valid().length / 2));
		for (byte[] file : files) {
			var problem = refusal(() -> read(file));
			assertThat(problem.fieldProblems().get(0).messageKey()).startsWith("spreadsheet.");
		}
		assertThat(refusalKey(() -> read(new byte[21 * 1024 * 1024]))).isEqualTo("spreadsheet.tooLarge");
	}

	@Test
	void pathsAndLinksInsideTheZipAreNeverFollowed() {
		// Reading never extracts to disk; a part named like a traversal or stored as a symlink is just a name.
		Map<String, byte[]> parts = new LinkedHashMap<>(unzip(valid()));
		parts.put("../../../../tmp/kaowu-hostile.xml", utf8("<x/>"));
		parts.put("/etc/kaowu-hostile.xml", utf8("<x/>"));
		parts.put("xl/link.xml", utf8("/etc/passwd"));
		byte[] file = HostileFiles.zipWithModes(parts, Map.of("xl/link.xml", 0120777));
		assertTimeoutPreemptively(HostileFiles.BOUND, () -> HostileFiles.acceptedOrRefusedClearly(() -> read(file)));
		assertThat(new java.io.File("/tmp/kaowu-hostile.xml")).doesNotExist();
		assertThat(new java.io.File("/etc/kaowu-hostile.xml")).doesNotExist();
	}
}
