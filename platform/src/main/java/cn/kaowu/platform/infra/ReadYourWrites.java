package cn.kaowu.platform.infra;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Which reads may use the streaming replica, and read-your-writes without server-side state. Only the read-only
 * transactions of safe requests (GET, HEAD, OPTIONS, and the portal's lookups posted as forms: {@link #READING_POSTS})
 * may use the replica; requests that may write, background jobs and
 * start-up work read from the primary, so a job or a POST never reads behind its own write. After a request that may
 * have written
 * (any method but GET, HEAD, OPTIONS) the primary's WAL position is handed to the client as the cookie
 * {@value #COOKIE} (browsers) and the header {@value #RESPONSE_HEADER} (API clients send it back as
 * {@value #REQUEST_HEADER}). While a request carries a position, its read-only transactions use the replica only once
 * the replica has replayed that far ({@link ReplicaOrPrimary}), otherwise the primary. Works across platform nodes
 * because the position travels with the client; a forged position can only make its own reads go to the primary.
 */
public class ReadYourWrites extends OncePerRequestFilter {

	public static final String COOKIE = "kaowu-lsn";

	public static final String RESPONSE_HEADER = "Kaowu-Write-Lsn";

	public static final String REQUEST_HEADER = "Kaowu-Read-After";

	/** A replica that lags more than this is not waited for: the cookie expires and reads go to the replica. */
	static final int COOKIE_SECONDS = 300;

	private static final Pattern LSN = Pattern.compile("[0-9A-F]{1,8}/[0-9A-F]{1,8}");

	/**
	 * POSTs that only read: the public portal's lookups, posted so that ID numbers stay out of URLs and access logs. On
	 * publication day they are the load the replica is for (found by ops/multinode: they all went to the primary).
	 */
	static final java.util.Set<String> READING_POSTS = java.util.Set.of("/api/v1/portal/scores",
			"/api/v1/portal/certificates/verify", "/portal", "/portal/verify");

	private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

	/** Set while a safe request runs: the replica may serve its reads, from {@code after} on if not null. */
	record Reads(@Nullable String after) {
	}

	private static final ThreadLocal<@Nullable Reads> READS = new ThreadLocal<>();

	private final DataSource primary;

	public ReadYourWrites(DataSource primary) {
		this.primary = primary;
	}

	/** Whether the current thread's reads may use the replica (null: no, the primary), and from which position. */
	static @Nullable Reads current() {
		return READS.get();
	}

	/** Lets the current thread's read-only transactions use the replica once it has replayed {@code after}. */
	static void allowReplica(@Nullable String after) {
		READS.set(new Reads(after));
	}

	/** Back to the primary for every read of the current thread. */
	static void primaryOnly() {
		READS.remove();
	}

	/** A position as PostgreSQL prints it ({@code 0/3000060}); anything else is ignored. */
	static @Nullable String valid(@Nullable String lsn) {
		if (lsn == null) {
			return null;
		}
		String upper = lsn.strip().toUpperCase(java.util.Locale.ROOT);
		return LSN.matcher(upper).matches() ? upper : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String lsn = valid(request.getHeader(REQUEST_HEADER));
		if (lsn == null && request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					lsn = valid(cookie.getValue());
				}
			}
		}
		boolean writes = !switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS" -> true;
			case "POST" -> READING_POSTS.contains(request.getRequestURI().substring(request.getContextPath().length()));
			default -> false;
		};
		if (writes) {
			primaryOnly();
		}
		else {
			allowReplica(lsn);
		}
		try {
			if (writes) {
				// Headers must be set before the body is committed; the position is taken when the response
				// is about to be written, i.e. after the controller's transaction committed.
				chain.doFilter(request, new PositionOnCommit(response, this::currentPosition, request.isSecure()));
			}
			else {
				chain.doFilter(request, response);
			}
		}
		finally {
			primaryOnly();
		}
	}

	@Nullable String currentPosition() {
		try (Connection c = primary.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
			return rs.next() ? rs.getString(1) : null;
		}
		catch (SQLException e) {
			log.warn("Could not read the primary's WAL position: {}", e.getMessage());
			return null;
		}
	}

	/** Adds the primary's position to the response just before its headers go out. */
	private static final class PositionOnCommit extends jakarta.servlet.http.HttpServletResponseWrapper {

		private final java.util.function.Supplier<@Nullable String> position;

		private final boolean secure;

		private boolean added;

		PositionOnCommit(HttpServletResponse response, java.util.function.Supplier<@Nullable String> position,
				boolean secure) {
			super(response);
			this.position = position;
			this.secure = secure;
		}

		private void add() {
			if (added || isCommitted()) {
				return;
			}
			added = true;
			String lsn = position.get();
			if (lsn == null) {
				return;
			}
			setHeader(RESPONSE_HEADER, lsn);
			addHeader("Set-Cookie", ResponseCookie.from(COOKIE, lsn).path("/").httpOnly(true).secure(secure)
				.sameSite("Lax").maxAge(COOKIE_SECONDS).build().toString());
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			add();
			super.sendRedirect(location);
		}

		@Override
		public void sendError(int sc) throws IOException {
			add();
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			add();
			super.sendError(sc, msg);
		}

		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() throws IOException {
			add();
			return super.getOutputStream();
		}

		@Override
		public java.io.PrintWriter getWriter() throws IOException {
			add();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			add();
			super.flushBuffer();
		}

		@Override
		public void setStatus(int sc) {
			super.setStatus(sc);
			if (sc == 204 || sc == 304) {
				add();
			}
		}
	}
}
