package cn.kaowu.platform.kernel;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk inserts with PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)} on the caller's transaction's connection (all
 * or nothing with it). Rows are written as CSV in chunks, so tens of thousands of rows never sit in memory as one
 * text, and the server parses one chunk while the next is built.
 */
public final class PgCopy {

	private static final int CHUNK = 2_000;

	private PgCopy() {
	}

	/**
	 * Copies the rows: {@code line} appends one CSV line (with its newline) per row.
	 *
	 * @return the rows stored
	 */
	public static <T> long copy(DataSource dataSource, String sql, Iterable<T> rows, BiConsumer<StringBuilder, T> line) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
			try {
				StringBuilder csv = new StringBuilder(CHUNK * 200);
				int n = 0;
				for (T row : rows) {
					line.accept(csv, row);
					if (++n % CHUNK == 0) {
						write(copy, csv);
					}
				}
				write(copy, csv);
				return copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		}
		catch (SQLException e) {
			throw new DataIntegrityViolationException(e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** Appends a text field, quoted for CSV. */
	public static StringBuilder quoted(StringBuilder csv, String value) {
		return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
	}

	private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		csv.setLength(0);
	}
}
