package cn.kaowu.platform.infra;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
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
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	/** The key in the log context (MDC) and so in each JSON log line. */
	public static final String MDC_KEY = "request_id";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
		String outer = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer == null) {
				MDC.remove(MDC_KEY);
			}
			else {
				MDC.put(MDC_KEY, outer);
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
