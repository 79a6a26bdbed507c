/**
 * Spreadsheets (xlsx) for imports and exports, shared by every module that imports or exports rows: templates
 * with exact headers and a notes row ({@link cn.kaowu.platform.spreadsheet.Spreadsheets#template}), a streaming
 * reader that maps rows to header names and refuses what is not a safe xlsx (by content, size, row count, DTDs),
 * and writers for exports and failed-row reports (the original columns plus 失败原因). Texts are in the bundle
 * {@code i18n/spreadsheet}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.spreadsheet;
