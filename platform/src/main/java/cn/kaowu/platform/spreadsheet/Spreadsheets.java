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
 * {@value #MAX_ROWS} data rows, rows of more than {@value #MAX_COLUMNS} columns, more than {@value #MAX_ENTRIES}
 * parts or {@value #MAX_UNCOMPRESSED_MB} MB uncompressed (counted while inflating, not trusted from the header), a
 * shared-strings part over {@value #MAX_SHARED_STRINGS_MB} MB (it is held in memory while reading), and any XML part
 * with a document type declaration (XXE, billion laughs: refused before the XML parser sees it, whatever the part's
 * name and in UTF-16 too; fastexcel's StAX factory has DTDs off as well). Cells are read as text only, formulas as
 * their cached value; a cell fastexcel cannot read makes the file unreadable rather than an error.
 */
public final class Spreadsheets {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	public static final int MAX_MB = 20;

	public static final int MAX_ROWS = 60_000;

	static final int MAX_ENTRIES = 1_000;

	static final int MAX_UNCOMPRESSED_MB = 512;

	/** The shared strings are kept in memory up to the highest index a cell uses. */
	static final int MAX_SHARED_STRINGS_MB = 64;

	/** Every import template has a few dozen columns; a cell at XFD would make each row 16,384 cells. */
	public static final int MAX_COLUMNS = 256;

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
		Cells cells = new Cells(field, name);
		// The central directory, not local headers: Office and fastexcel write data descriptors.
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntries())) {
				if (++entries > MAX_ENTRIES) {
					throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
				}
				String entryName = entry.getName();
				contentTypes |= entryName.equals("[Content_Types].xml");
				boolean sharedStrings = entryName.toLowerCase(java.util.Locale.ROOT).endsWith("sharedstrings.xml");
				long partLimit = sharedStrings ? MAX_SHARED_STRINGS_MB * 1024L * 1024 : Long.MAX_VALUE;
				try (Part part = new Part(zip.getInputStream(entry), cells, partLimit, entryName)) {
					cells.read(part);
				}
			}
		}
		catch (IOException e) {
			throw cells.problem != null ? cells.problem : new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
		}
		cells.checkSharedStrings();
		if (!contentTypes) {
			throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
		}
	}

	/** Sheets are pre-read by StAX (DTDs off; they are refused before the parser sees them anyway). */
	private static final javax.xml.stream.XMLInputFactory XML = xmlInputFactory();

	private static javax.xml.stream.XMLInputFactory xmlInputFactory() {
		javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
		factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/**
	 * One part as it is inflated, read once: its bytes count against the limits, and its start is shown to the
	 * {@link PrologScanner} before the XML parser (or anyone) gets it. A limit crossed is kept in
	 * {@link Cells#problem} and surfaces as an {@code IOException} through whatever is reading.
	 */
	private static final class Part extends java.io.FilterInputStream {

		private final Cells cells;

		private final long limit;

		private final String name;

		private final PrologScanner prolog = new PrologScanner();

		private long bytes;

		Part(InputStream in, Cells cells, long limit, String name) {
			super(in);
			this.cells = cells;
			this.limit = limit;
			this.name = name;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0) {
				cells.total += n;
				bytes += n;
				if (cells.total > MAX_UNCOMPRESSED_MB * 1024L * 1024) {
					cells.fail(new InvalidInputProblem(cells.field, "spreadsheet.tooLarge", cells.name, MAX_MB));
				}
				if (bytes > limit) {
					cells.fail(new InvalidInputProblem(cells.field, "spreadsheet.partTooLarge", cells.name,
							FileStorage.safeName(name), MAX_SHARED_STRINGS_MB));
				}
				if (!prolog.done()) {
					prolog.feed(b, off, n);
					if (prolog.doctype()) {
						cells.fail(new InvalidInputProblem(cells.field, "spreadsheet.doctype", cells.name));
					}
				}
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			return read(new byte[(int) Math.min(n, 16 * 1024)]);
		}

		@Override
		public boolean markSupported() {
			return false;
		}
	}

	/**
	 * What fastexcel would trust: it fills the shared-string table up to whatever index a cell names (a cell naming
	 * string 999,999,999 makes it add a billion empty strings) and sizes each row by the highest column letter. So
	 * every part that starts like XML, whatever its name (the relationships may point a sheet at "sheet1.dat"), is
	 * parsed as it is inflated: shared strings are counted, in a sheet a row may have at most {@value #MAX_COLUMNS}
	 * columns, and at the end the highest shared-string index a cell names must exist.
	 */
	private static final class Cells {

		private final String field;

		private final String name;

		private final byte[] buffer = new byte[16 * 1024];

		private long total;

		private long strings;

		private long highestString = -1;

		private InvalidInputProblem problem;

		Cells(String field, String name) {
			this.field = field;
			this.name = name;
		}

		void fail(InvalidInputProblem problem) throws IOException {
			this.problem = problem;
			throw new IOException(problem.getMessage());
		}

		/** Reads one part to its end: parsed when it starts like XML, only counted otherwise. */
		void read(Part part) throws IOException {
			int n = part.read(buffer);
			if (n > 0 && part.prolog.xml()) {
				// The chunk already counted and scanned, then the rest (not a SequenceInputStream: it closes the part).
				java.io.PushbackInputStream xml = new java.io.PushbackInputStream(part, n);
				xml.unread(buffer, 0, n);
				try {
					parse(XML.createXMLStreamReader(xml));
				}
				catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
					if (problem != null) {
						throw problem;
					}
					if (e instanceof InvalidInputProblem refused) {
						throw refused;
					}
					for (Throwable cause = e; cause != null; cause = cause.getCause()) {
						if (cause instanceof IOException) {
							// The zip itself is broken (inflating failed under the parser), as when counting only.
							throw new InvalidInputProblem(field, "spreadsheet.notXlsx", name);
						}
					}
					throw new InvalidInputProblem(field, "spreadsheet.unreadable", name);
				}
			}
			while (part.read(buffer) > 0) {
				// counted (and its prolog scanned) by the part
			}
		}

		private void parse(javax.xml.stream.XMLStreamReader xml) throws javax.xml.stream.XMLStreamException {
			String root = null;
			while (root == null && xml.hasNext()) {
				if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
					root = xml.getLocalName();
				}
			}
			if ("sst".equals(root)) {
				while (xml.hasNext()) {
					if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
						strings++;
					}
				}
			}
			else if ("worksheet".equals(root)) {
				sheet(xml);
			}
			xml.close();
		}

		private void sheet(javax.xml.stream.XMLStreamReader xml) throws javax.xml.stream.XMLStreamException {
			long row = 0;
			int cells = 0;
			boolean shared = false;
			while (xml.hasNext()) {
				if (xml.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				switch (xml.getLocalName()) {
					case "row" -> {
						String r = xml.getAttributeValue(null, "r");
						row = digits(r, 9) ? Long.parseLong(r) : row + 1;
						cells = 0;
					}
					case "c" -> {
						shared = "s".equals(xml.getAttributeValue(null, "t"));
						if (++cells > MAX_COLUMNS || column(xml.getAttributeValue(null, "r")) > MAX_COLUMNS) {
							throw new InvalidInputProblem(field, "spreadsheet.tooManyColumns", name, row, MAX_COLUMNS);
						}
					}
					case "v" -> {
						if (shared) {
							String v = xml.getElementText().strip();
							if (!digits(v, 10)) {
								throw new InvalidInputProblem(field, "spreadsheet.unreadable", name);
							}
							highestString = Math.max(highestString, Long.parseLong(v));
						}
					}
					default -> {
					}
				}
			}
		}

		/** Every shared-string index a cell named exists (the parts may come in any order). */
		void checkSharedStrings() {
			if (highestString >= strings) {
				throw new InvalidInputProblem(field, "spreadsheet.unreadable", name);
			}
		}
	}

	/** One to {@code max} ASCII digits; per cell, so no regex. */
	private static boolean digits(String s, int max) {
		if (s == null || s.isEmpty() || s.length() > max) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/** The 1-based column of a cell reference like {@code AB12}; 0 without one, beyond the limit when absurd. */
	private static long column(String ref) {
		if (ref == null) {
			return 0;
		}
		long column = 0;
		for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
			column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
			if (column > MAX_COLUMNS) {
				return column;
			}
		}
		return column;
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
			while (reading(it::hasNext)) {
				Row row = reading(it::next);
				List<String> cells = reading(() -> cells(row));
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

	/** A step of fastexcel's: whatever it throws on a malformed cell or row makes the file unreadable, not a 500. */
	private static <T> T reading(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (ExcelReaderException | UncheckedIOException e) {
			throw e;
		}
		catch (RuntimeException e) {
			throw new UncheckedIOException(new IOException(e));
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
	 * Looks at the start of a part until the root element: a {@code <!DOCTYPE} before it is what XXE and
	 * entity-expansion attacks need. Byte-based, with NUL bytes dropped so that UTF-16 and UTF-32 (which the XML
	 * parser honours from the byte order mark or the declaration) read as ASCII too. A part that does not start
	 * like XML (after a byte order mark and whitespace) is let go: media and binary parts.
	 */
	static final class PrologScanner {

		private final StringBuilder head = new StringBuilder();

		private boolean done;

		private boolean doctype;

		void feed(byte[] buffer, int off, int n) {
			StringBuilder chunk = new StringBuilder(Math.min(n, MAX_PROLOG));
			for (int i = off; i < off + Math.min(n, MAX_PROLOG); i++) {
				if (buffer[i] != 0) {
					chunk.append((char) (buffer[i] & 0xff));
				}
			}
			head.append(chunk);
			if (!startsLikeXml()) {
				done = true;
				return;
			}
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

		/** True until a byte other than a byte order mark or whitespace turns out not to be {@code <}. */
		private boolean startsLikeXml() {
			for (int i = 0; i < head.length(); i++) {
				char c = head.charAt(i);
				if (c == '<') {
					return true;
				}
				if (c != 0xEF && c != 0xBB && c != 0xBF && c != 0xFE && c != 0xFF && !Character.isWhitespace(c)) {
					return false;
				}
			}
			return true;
		}

		boolean done() {
			return done;
		}

		/** Whether the part starts like XML (and so is parsed by fastexcel if it is a sheet). */
		boolean xml() {
			return !head.isEmpty() && startsLikeXml();
		}

		boolean doctype() {
			return doctype;
		}
	}
}
