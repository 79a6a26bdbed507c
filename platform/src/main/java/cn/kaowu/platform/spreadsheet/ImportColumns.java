package cn.kaowu.platform.spreadsheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.ProblemMessages;

/**
 * The columns of an import template, by the field each fills: the headers as written (a leading {@code *} marks a
 * required column), the template, and the reason of a failed row naming the columns ("证件号码：…；考生类型：…").
 * One per import job handler.
 */
public final class ImportColumns {

	private final Map<String, String> headers;

	private final List<String> order;

	private final Map<String, String> names = new LinkedHashMap<>();

	private ImportColumns(Map<String, String> headers) {
		this.headers = Map.copyOf(headers);
		this.order = List.copyOf(headers.keySet());
		headers.forEach((field, header) -> names.put(field, header.replace("*", "")));
	}

	/** Field → header, in template order. */
	public static ImportColumns of(Map<String, String> fieldToHeader) {
		return new ImportColumns(new LinkedHashMap<>(fieldToHeader));
	}

	/** The headers in template order, as {@link Spreadsheets#read} expects them. */
	public List<String> headers() {
		return order.stream().map(headers::get).toList();
	}

	public String header(String field) {
		return headers.get(field);
	}

	/** The column's name as a reason shows it (without the {@code *}); other fields name themselves. */
	public String name(String field) {
		return names.getOrDefault(field, field);
	}

	/** Names a field that is not a column of its own, e.g. options spread over 选项A–F. */
	public ImportColumns alias(String field, String name) {
		names.put(field, name);
		return this;
	}

	/** The reason of a failed row: each problem with its column's name, in order. */
	public String reason(List<FieldProblem> problems, ProblemMessages messages) {
		return problems.stream()
			.map(p -> name(p.field()) + "：" + messages.text(p.messageKey(), p.args()))
			.collect(Collectors.joining("；"));
	}

	/** The template with the column widths in template order. */
	public byte[] template(String sheetName, String notes, double... widths) {
		return template(sheetName, notes, field -> widths[order.indexOf(field)]);
	}

	/** The template: the notes row and the header row, widths by field. */
	public byte[] template(String sheetName, String notes, ToDoubleFunction<String> widthOfField) {
		List<Spreadsheets.Column> columns = new ArrayList<>();
		order.forEach(field -> columns.add(new Spreadsheets.Column(headers.get(field), widthOfField.applyAsDouble(field))));
		return Spreadsheets.template(sheetName, notes, columns);
	}
}
