package cn.kaowu.platform.infra;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is 1–64 characters of {@code [A-Za-z0-9_-]}
 * (a proxy's or the exam-site server's), otherwise a new one. The id is in the log context ({@code request_id}, so in
 * every log line of the request, JSON or not) and in the response header, also on error and async dispatches of the
 * same request. Runs before Spring Security, so refusals carry it too.
 * <p>
 * With the logger {@code kaowu.access} at INFO (the profile {@code json-logs} does so) each request but the
 * actuator's also gets one line: method, path (never the query, which may hold ID numbers), status and duration.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	/** The key in the log context (MDC) and so in each JSON log line. */
	public static final String MDC_KEY = "request_id";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Logger access;

	public RequestIdFilter() {
		this(LoggerFactory.getLogger("kaowu.access"));
	}

	RequestIdFilter(Logger access) {
		this.access = access;
	}

	/** The caller's id if it is acceptable, else a new random one (32 hex digits). */
	static String idFor(@Nullable String offered) {
		if (offered != null && VALID.matcher(offered).matches()) {
			return offered;
		}
		return UUID.randomUUID().toString().replace("-", "");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : idFor(request.getHeader(HEADER));
		request.setAttribute(ATTRIBUTE, id);
		if (!response.containsHeader(HEADER)) {
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		boolean failed = true;
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			if (access.isInfoEnabled() && request.getDispatcherType() == DispatcherType.REQUEST
					&& !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")) {
				long ms = (System.nanoTime() - start) / 1_000_000;
				int status = failed ? 500 : response.getStatus();
				access.atInfo()
					.addKeyValue("http.request.method", request.getMethod())
					.addKeyValue("url.path", request.getRequestURI())
					.addKeyValue("http.response.status_code", status)
					.addKeyValue("event.duration_ms", ms)
					.log("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), status, ms);
			}
			// An exception that leaves the chain is logged by the servlet container after this filter, on this
			// thread, before the error page's dispatch (which ends with the id removed): keep the id for that line.
			if (!failed || request.getDispatcherType() == DispatcherType.ERROR) {
				MDC.remove(MDC_KEY);
			}
		}
	}

	/** Error pages and the second dispatch of a stream belong to the same request and keep its id in the logs. */
	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
