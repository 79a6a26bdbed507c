package cn.kaowu.platform.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.storage.FileStorage;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads and writes xlsx workbooks. Reading refuses, with a message naming the file: anything that is not an xlsx
 * by content (a zip holding {@code [Content_Types].xml}), more than {@value #MAX_MB} MB, more than
 * {@value #MAX_ROWS} data rows, more than {@value #MAX_ENTRIES} parts or {@value #MAX_UNCOMPRESSED_MB} MB
 * uncompressed (counted while inflating, not trusted from the header), and any XML part with a document type
 * declaration (XXE, billion laughs: refused before the XML parser sees it; fastexcel's StAX factory has DTDs off
 * as well).
 */
public final class Spreadsheets {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final int MAX_MB = 20;

	public static final int MAX_ROWS = 60_000;

	static final int MAX_ENTRIES = 1_000;

	static final int MAX_UNCOMPRESSED_MB = 512;

	/** The header of the reason column in failed-row reports. */
	public static final String REASON_HEADER = "失败原因";

	/** How many rows before the header row may hold notes. */
	private static final int MAX_LEADING_ROWS = 10;

	/** A prolog longer than this (whitespace, comments) is refused rather than scanned on. */
	private static final int MAX_PROLOG = 64 * 1024;

	private Spreadsheets() {
	}

	/** A template column: header text (with {@code *} when required) and width in characters. */
	public record Column(String header, double width) {
	}

	/** What {@link #read} found: the file's header row and the number of data rows passed on. */
	public record ReadResult(List<String> headers, int rows) {
	}

	/** A failed row for {@link #failedRows}: the original cells and the reason. */
	public record FailedRow(int number, List<String> cells, String reason) {
	}

	// ---- writing -----------------------------------------------------------------------------------------

	/**
	 * A template: a notes row (merged over all columns, wrapped, tall enough for its lines) and the header row
	 * (bold, frozen), each column with its width.
	 */
	public static byte[] template(String sheetName, String notes, List<Column> columns) {
		return write(out -> {
			Workbook wb = new Workbook(out, "Kaowu", "1.0");
			Worksheet ws = wb.newWorksheet(sheetName);
			int last = columns.size() - 1;
			ws.value(0, 0, notes);
			ws.range(0, 0, 0, last).merge();
			ws.range(0, 0, 0, last).style().wrapText(true).verticalAlignment("top").fontColor("C00000").set();
			ws.rowHeight(0, 18.0 * (notes.lines().count() + 1));
			for (int c = 0; c <= last; c++) {
				ws.value(1, c, columns.get(c).header());
				ws.width(c, columns.get(c).width());
				// Text format: ID and phone numbers must not become numbers in Excel.
				ws.range(2, c, 1000, c).style().format("@").set();
			}
			ws.range(1, 0, 1, last).style().bold().fillColor("D9E1F2").set();
			ws.freezePane(0, 2);
			wb.finish();
		});
	}

	/** A plain sheet: one header row and the rows, for exports. */
	public static byte[] sheet(String sheetName, List<Column> columns, Iterable<List<String>> rows) {
		return write(out -> {
			Workbook wb = new Workbook(out, "Kaowu", "1.0");
			Worksheet ws = wb.newWorksheet(sheetName);
			for (int c = 0; c < columns.size(); c++) {
				ws.value(0, c, columns.get(c).header());
				ws.width(c, columns.get(c).width());
			}
			ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("D9E1F2").set();
			int r = 1;
			for (List<String> row : rows) {
				for (int c = 0; c < row.size(); c++) {
					ws.value(r, c, row.get(c));
				}
				if (r % 1000 == 0) {
					ws.flush();
				}
				r++;
			}
			ws.freezePane(0, 1);
			wb.finish();
		});
	}

	/** The failed-row report: the file's columns, then 失败原因; row order as in the file. */
	public static byte[] failedRows(List<String> headers, List<FailedRow> rows) {
		List<Column> columns = new ArrayList<>();
		headers.forEach(h -> columns.add(new Column(h, 16)));
		columns.add(new Column(REASON_HEADER, 60));
		List<List<String>> data = new ArrayList<>(rows.size());
		for (FailedRow row : rows) {
			List<String> cells = new ArrayList<>(row.cells());
			while (cells.size() < headers.size()) {
				cells.add("");
			}
			cells.add(row.reason());
			data.add(cells);
		}
		return sheet(REASON_HEADER, columns, data);
	}

	private interface Writer {

		void write(ByteArrayOutputStream out) throws IOException;
	}

	private static byte[] write(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writer.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	// ---- reading -----------------------------------------------------------------------------------------

	/**
	 * Checks that the content is a safe xlsx within the limits; see the class comment.
	 *
	 * @param field the form field named in the problem
	 */
	public static void check(String field, String fileName, byte[] content) {
		String name = FileStorage.safeName(fileName);
		if (content.length > MAX_MB * 1024L * 1024) {
			throw new InvalidInputProblem(field, "spreadsheet.tooLarge", name, MAX_MB);
		}
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
			throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
		}
		boolean contentTypes = false;
		int entries = 0;
		long total = 0;
		byte[] buffer = new byte[16 * 1024];
		// The central directory, not local headers: Office and fastexcel write data descriptors.
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
				if (++entries > MAX_ENTRIES) {
					throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
				}
				String entryName = entry.getName();
				contentTypes |= entryName.equals("[Content_Types].xml");
				boolean xml = entryName.endsWith(".xml") || entryName.endsWith(".rels");
				PrologScanner prolog = xml ? new PrologScanner() : null;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						total += n;
						if (total > MAX_UNCOMPRESSED_MB * 1024L * 1024) {
							throw new InvalidInputProblem(field, "spreadsheet.tooLarge", name, MAX_MB);
						}
						if (prolog != null && !prolog.done()) {
							prolog.feed(buffer, n);
							if (prolog.doctype()) {
								throw new InvalidInputProblem(field, "spreadsheet.doctype", name);
							}
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
		}
		if (!contentTypes) {
			throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
		}
	}

	/**
	 * Checks the file ({@link #check}), finds the header row (notes rows above it are skipped), checks it has
	 * exactly the expected headers ({@code *} optional, spaces ignored; the problem lists what is missing and
	 * what is extra), and streams every non-empty data row of the first sheet to {@code each}.
	 */
	public static ReadResult read(String field, String fileName, byte[] content, List<String> expected,
			Consumer<SheetRow> each) {
		check(field, fileName, content);
		String name = FileStorage.safeName(fileName);
		Set<String> wanted = new LinkedHashSet<>();
		expected.forEach(h -> wanted.add(headerKey(h)));
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content),
				new ReadingOptions(false, false)); Stream<Row> rows = wb.getFirstSheet().openStream()) {
			var it = rows.iterator();
			List<String> headers = null;
			int[] columnOf = null;
			String[] keys = null;
			int leading = 0;
			int count = 0;
			while (it.hasNext()) {
				Row row = it.next();
				List<String> cells = cells(row);
				if (headers == null) {
					if (isHeaderRow(cells, wanted)) {
						headers = trimTrailingEmpty(cells);
						keys = headers.stream().map(Spreadsheets::headerKey).toArray(String[]::new);
						checkHeaders(field, headers, expected, wanted);
						columnOf = new int[keys.length];
					}
					else if (++leading >= MAX_LEADING_ROWS) {
						break;
					}
					continue;
				}
				if (cells.stream().allMatch(String::isEmpty)) {
					continue;
				}
				if (++count > MAX_ROWS) {
					throw new InvalidInputProblem(field, "spreadsheet.tooManyRows", name, MAX_ROWS);
				}
				Map<String, String> values = HashMap.newHashMap(keys.length);
				for (int c = 0; c < keys.length; c++) {
					values.put(keys[c], c < cells.size() ? cells.get(c) : "");
				}
				each.accept(new SheetRow(row.getRowNum(), cells, values));
			}
			if (headers == null) {
				throw new InvalidInputProblem(field, "spreadsheet.headers.notFound", String.join(" ", expected));
			}
			return new ReadResult(headers, count);
		}
		catch (IOException | UncheckedIOException | ExcelReaderException e) {
			throw new InvalidInputProblem(field, "spreadsheet.unreadable", name);
		}
	}

	/** A header as compared: without spaces and the leading {@code *} of required columns. */
	public static String headerKey(String header) {
		// Called for every cell looked up by header (millions in a large import): no regex, no copy when clean.
		StringBuilder h = null;
		for (int i = 0; i < header.length(); i++) {
			char c = header.charAt(i);
			boolean drop = Character.isWhitespace(c) || c == '\u3000';
			if (drop && h == null) {
				h = new StringBuilder(header.length()).append(header, 0, i);
			}
			else if (!drop && h != null) {
				h.append(c);
			}
		}
		String key = h == null ? header : h.toString();
		int start = 0;
		while (start < key.length() && (key.charAt(start) == '*' || key.charAt(start) == '＊')) {
			start++;
		}
		return start == 0 ? key : key.substring(start);
	}

	private static boolean isHeaderRow(List<String> cells, Set<String> wanted) {
		long hits = cells.stream().map(Spreadsheets::headerKey).filter(wanted::contains).count();
		return hits * 2 >= wanted.size();
	}

	private static void checkHeaders(String field, List<String> headers, List<String> expected, Set<String> wanted) {
		Set<String> present = new LinkedHashSet<>();
		List<String> extra = new ArrayList<>();
		List<String> duplicate = new ArrayList<>();
		for (String h : headers) {
			String key = headerKey(h);
			if (key.isEmpty()) {
				extra.add("（空）");
			}
			else if (!wanted.contains(key)) {
				extra.add(h);
			}
			else if (!present.add(key)) {
				duplicate.add(h);
			}
		}
		List<String> missing = expected.stream().filter(e -> !present.contains(headerKey(e))).toList();
		List<FieldProblem> problems = new ArrayList<>();
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem(field, "spreadsheet.headers.missing", String.join("、", missing)));
		}
		if (!extra.isEmpty()) {
			problems.add(new FieldProblem(field, "spreadsheet.headers.extra", String.join("、", extra)));
		}
		if (!duplicate.isEmpty()) {
			problems.add(new FieldProblem(field, "spreadsheet.headers.duplicate", String.join("、", duplicate)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
	}

	private static List<String> cells(Row row) {
		int n = row.getCellCount();
		List<String> cells = new ArrayList<>(n);
		for (int c = 0; c < n; c++) {
			cells.add(text(row.getCellText(c)));
		}
		return cells;
	}

	private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("\\d\\.\\d+E\\d+");

	/** Trimmed text; a whole number Excel stored as {@code 2023.0} or {@code 1.3812345678E10} becomes digits. */
	static String text(String raw) {
		String s = raw.strip();
		if (s.endsWith(".0") && s.length() > 2 && s.substring(0, s.length() - 2).chars().allMatch(Character::isDigit)) {
			return s.substring(0, s.length() - 2);
		}
		// Called for every cell: the regex only when the text can be a number in E notation at all.
		if (s.indexOf('E') > 0 && SCIENTIFIC.matcher(s).matches()) {
			try {
				return new java.math.BigDecimal(s).toBigIntegerExact().toString();
			}
			catch (ArithmeticException e) {
				return s;
			}
		}
		return s;
	}

	private static List<String> trimTrailingEmpty(List<String> cells) {
		int end = cells.size();
		while (end > 0 && cells.get(end - 1).isEmpty()) {
			end--;
		}
		return List.copyOf(cells.subList(0, end));
	}

	/**
	 * Looks at the start of an XML part until the root element: a {@code <!DOCTYPE} before it is what XXE and
	 * entity-expansion attacks need. Byte-based: the markup characters are ASCII in UTF-8 and UTF-16 alike is not
	 * used by Office.
	 */
	static final class PrologScanner {

		private final StringBuilder head = new StringBuilder();

		private boolean done;

		private boolean doctype;

		void feed(byte[] buffer, int n) {
			head.append(new String(buffer, 0, Math.min(n, MAX_PROLOG), StandardCharsets.ISO_8859_1));
			String s = head.toString().toUpperCase(java.util.Locale.ROOT);
			if (s.contains("<!DOCTYPE") || s.contains("<!ENTITY")) {
				doctype = true;
				done = true;
				return;
			}
			// The root element starts at the first '<' followed by a name character.
			for (int i = 0; i + 1 < s.length(); i++) {
				if (s.charAt(i) == '<') {
					char c = s.charAt(i + 1);
					if (c != '?' && c != '!') {
						done = true;
						return;
					}
				}
			}
			if (head.length() >= MAX_PROLOG) {
				// An endless prolog is not something Office writes.
				doctype = true;
				done = true;
			}
		}

		boolean done() {
			return done;
		}

		boolean doctype() {
			return doctype;
		}
	}
}
