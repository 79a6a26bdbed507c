package cn.kaowu.platform.spreadsheet;

import java.util.List;
import java.util.Map;

/**
 * One data row of an imported sheet.
 *
 * @param number the row number as Excel shows it (1-based)
 * @param cells the cells in the order of the file's header row (trimmed, never null)
 * @param values the cells by expected header name (without the leading {@code *})
 */
public record SheetRow(int number, List<String> cells, Map<String, String> values) {

	/** The trimmed value under the header (with or without its {@code *}), or "" if empty or absent. */
	public String get(String header) {
		return values.getOrDefault(Spreadsheets.headerKey(header), "");
	}
}
