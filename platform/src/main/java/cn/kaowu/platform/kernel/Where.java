package cn.kaowu.platform.kernel;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE clause of a filtered list, built from optional filters, and the page query that counts and
 * fetches with it. Values are always bound parameters.
 *
 * <pre>
 * return Where.start()
 *     .and("o.organisation_id = ?", scope.organisationId())
 *     .andIf(filter.type(), "o.type = ?")
 *     .andLike(filter.keyword(), "o.name", "o.code")
 *     .page(jdbc, "SELECT o.*", "FROM organisation o", "o.code", page, MAPPER);
 * </pre>
 */
public final class Where {

	private final StringBuilder sql = new StringBuilder(" WHERE TRUE");

	private final List<Object> params = new ArrayList<>();

	private Where() {
	}

	public static Where start() {
		return new Where();
	}

	/** Adds a condition with its parameters. */
	public Where and(String condition, Object... values) {
		sql.append(" AND (").append(condition).append(')');
		params.addAll(List.of(values));
		return this;
	}

	/** Adds {@code condition} with the one parameter {@code value}, unless the value is null or blank. */
	public Where andIf(@Nullable Object value, String condition) {
		if (value == null || (value instanceof String s && s.isBlank())) {
			return this;
		}
		return and(condition, value instanceof Enum<?> e ? e.name() : value);
	}

	/** Adds a condition without parameters when {@code when} holds. */
	public Where andWhen(boolean when, String condition) {
		return when ? and(condition) : this;
	}

	/** Matches the keyword as a substring of any of the columns, unless it is null or blank. */
	public Where andLike(@Nullable String keyword, String... columns) {
		if (keyword == null || keyword.isBlank()) {
			return this;
		}
		String like = like(keyword);
		List<String> parts = new ArrayList<>();
		for (String column : columns) {
			parts.add(column + " LIKE ?");
			params.add(like);
		}
		sql.append(" AND (").append(String.join(" OR ", parts)).append(')');
		return this;
	}

	public String sql() {
		return sql.toString();
	}

	public List<Object> params() {
		return List.copyOf(params);
	}

	/**
	 * Counts and fetches one page.
	 *
	 * @param select the select list, e.g. {@code SELECT o.*, p.name AS province_name}
	 * @param from the from clause with joins, e.g. {@code FROM organisation o LEFT JOIN ...}
	 * @param orderBy a stable order, e.g. {@code o.code, o.id}
	 */
	public <T> PageResult<T> page(JdbcClient jdbc, String select, String from, String orderBy, PageQuery page,
			RowMapper<T> mapper) {
		long total = jdbc.sql("SELECT count(*) " + from + sql).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<T> items = jdbc.sql(select + " " + from + sql + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(mapper)
			.list();
		return PageResult.of(items, page, total);
	}

	/** A LIKE pattern matching the keyword anywhere, with LIKE's wildcards in it escaped. */
	public static String like(String keyword) {
		return "%" + keyword.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
