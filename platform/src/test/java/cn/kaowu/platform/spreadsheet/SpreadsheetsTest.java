package cn.kaowu.platform.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.spreadsheet.Spreadsheets.Column;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpreadsheetsTest {

	static final List<String> HEADERS = List.of("*学生姓名", "*姓名拼音", "备注");

	static final List<Column> COLUMNS = HEADERS.stream().map(h -> new Column(h, 14)).toList();

	static byte[] sheet(List<String> headers, List<List<String>> rows) {
		return Spreadsheets.sheet("考生", headers.stream().map(h -> new Column(h, 10)).toList(), rows);
	}

	@Test
	void theTemplateHasTheNotesRowAndTheExactHeadersAndReadsAsEmpty() throws IOException {
		byte[] template = Spreadsheets.template("考生", "注意说明:\n1. 按实际情况填写", COLUMNS);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).startsWith("注意说明");
			assertThat(List.of(rows.get(1).getCellText(0), rows.get(1).getCellText(1), rows.get(1).getCellText(2)))
				.isEqualTo(HEADERS);
		}
		var result = Spreadsheets.read("file", "t.xlsx", template, HEADERS, r -> {
			throw new AssertionError("no data rows");
		});
		assertThat(result.rows()).isZero();
		assertThat(result.headers()).isEqualTo(HEADERS);
	}

	@Test
	void rowsAreMappedToHeaderNamesInAnyColumnOrderAndEmptyRowsSkipped() {
		byte[] file = sheet(List.of("姓名拼音", "*学生姓名", "备注"),
				List.of(List.of("Zhang San", "张三", ""), List.of("", "", ""), List.of("Li Si", "李四", "x")));
		List<SheetRow> rows = new ArrayList<>();
		Spreadsheets.read("file", "t.xlsx", file, HEADERS, rows::add);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).get("*学生姓名")).isEqualTo("张三");
		assertThat(rows.get(0).get("姓名拼音")).isEqualTo("Zhang San");
		assertThat(rows.get(0).number()).isEqualTo(2);
		assertThat(rows.get(1).number()).isEqualTo(4);
		assertThat(rows.get(1).cells()).containsExactly("Li Si", "李四", "x");
	}

	@Test
	void missingAndExtraHeadersAreNamed() {
		byte[] file = sheet(List.of("*学生姓名", "备注", "班级"), List.of(List.of("张三", "", "1班")));
		assertThatThrownBy(() -> Spreadsheets.read("file", "t.xlsx", file, HEADERS, r -> {
		})).isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.fieldProblems())
			.extracting(FieldProblem::messageKey)
			.containsExactly("spreadsheet.headers.missing", "spreadsheet.headers.extra"))
			.satisfies(e -> assertThat(((InvalidInputProblem) e).fieldProblems().get(0).args()).containsExactly("*姓名拼音"))
			.satisfies(e -> assertThat(((InvalidInputProblem) e).fieldProblems().get(1).args()).containsExactly("班级"));
	}

	@Test
	void anythingButAnXlsxIsRefusedByContent() throws IOException {
		assertThat(key(() -> Spreadsheets.check("file", "a.xlsx", "姓名,拼音".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("spreadsheet.notXlsx");
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("a.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(key(() -> Spreadsheets.check("file", "a.xlsx", zip.toByteArray()))).isEqualTo("spreadsheet.notXlsx");
		assertThat(key(() -> Spreadsheets.check("file", "a.xlsx", new byte[21 * 1024 * 1024])))
			.isEqualTo("spreadsheet.tooLarge");
	}

	@Test
	void aWorkbookWithADoctypeIsRefusedBeforeParsing() throws IOException {
		byte[] good = sheet(HEADERS, List.of(List.of("张三", "Zhang San", "")));
		byte[] evil = rewrite(good, "xl/worksheets/sheet1.xml", xml -> xml.replaceFirst("<worksheet",
				"<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<worksheet")
			.replace("张三", "&xxe;"));
		assertThat(key(() -> Spreadsheets.read("file", "evil.xlsx", evil, HEADERS, r -> {
		}))).isEqualTo("spreadsheet.doctype");
		byte[] laughs = rewrite(good, "xl/sharedStrings.xml", xml -> xml.replaceFirst("<sst",
				"<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><sst"));
		assertThat(key(() -> Spreadsheets.check("file", "lol.xlsx", laughs))).isEqualTo("spreadsheet.doctype");
		Spreadsheets.check("file", "good.xlsx", good);
	}

	@Test
	void moreThanTheRowLimitIsRefused() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i <= Spreadsheets.MAX_ROWS; i++) {
			rows.add(List.of("张" + i, "Zhang", ""));
		}
		byte[] file = sheet(HEADERS, rows);
		assertThat(key(() -> Spreadsheets.read("file", "big.xlsx", file, HEADERS, r -> {
		}))).isEqualTo("spreadsheet.tooManyRows");
	}

	@Test
	void theFailedRowsReportHasTheOriginalColumnsAndTheReason() throws IOException {
		byte[] report = Spreadsheets.failedRows(HEADERS,
				List.of(new Spreadsheets.FailedRow(3, List.of("张三", "Zhang Shan"), "拼音与姓名不符，建议：Zhang San")));
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(3)).isEqualTo("失败原因");
			assertThat(rows.get(1).getCellText(0)).isEqualTo("张三");
			assertThat(rows.get(1).getCellText(3)).isEqualTo("拼音与姓名不符，建议：Zhang San");
		}
	}

	@Test
	void numbersStoredByExcelBecomeDigits() {
		assertThat(Spreadsheets.text("2023.0")).isEqualTo("2023");
		assertThat(Spreadsheets.text("1.3812345678E10")).isEqualTo("13812345678");
		assertThat(Spreadsheets.text(" Zhang San ")).isEqualTo("Zhang San");
	}

	static String key(Runnable r) {
		try {
			r.run();
		}
		catch (InvalidInputProblem e) {
			return e.fieldProblems().get(0).messageKey();
		}
		return "none";
	}

	static byte[] rewrite(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder()
			.setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(xlsx))
			.get(); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (var e : java.util.Collections.list(in.getEntries())) {
				byte[] bytes = in.getInputStream(e).readAllBytes();
				if (e.getName().equals(part)) {
					bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(bytes);
			}
		}
		return out.toByteArray();
	}
}
