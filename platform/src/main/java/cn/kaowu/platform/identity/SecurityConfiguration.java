package cn.kaowu.platform.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.kaowu.platform.kernel.ProblemMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form login for people, bearer tokens for programs, both giving a {@link KaowuUser}. Pages need a login;
 * the REST API answers 401/403 as problem details instead of redirecting.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String LOGIN_ERROR = "KAOWU_LOGIN_ERROR";

	/** Programs' paths: refusals as problem details (401/403), no redirect to the login page. */
	private static final RequestMatcher API = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/actuator/**"));

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(10);
	}

	@Bean
	PasswordPolicy passwordPolicy() {
		return PasswordPolicy.standard();
	}

	/** The one authentication provider; as a bean it also replaces Spring Boot's generated default user. */
	@Bean
	AuthenticationProvider passwordAuthenticationProvider(LoginService logins) {
		return new PasswordProvider(logins);
	}

	/**
	 * No observation wrapper around every security filter and authorisation: nothing traces them, and on the public
	 * portal's small requests they were a sizeable share of the work (bench/run lookup).
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, LoginService logins, ProblemMessages messages,
			JsonMapper json, @Value("${management.server.port:-1}") int managementPort, SecondFactorLogin secondFactor,
			LoginAddress addresses) throws Exception {
		AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> writeProblem(response, json, messages,
				HttpStatus.UNAUTHORIZED, "error.notAuthenticated");
		http.authorizeHttpRequests(auth -> auth
				// The second dispatch of a streamed download or an event stream: its request was authorised when it
				// came in, and a bearer token is not carried into that dispatch.
				.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers("/denied")
				.authenticated()
				.requestMatchers("/login", "/login/totp", "/login/totp/enrol", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
						"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
						"/api/v1/auth/tokens", "/api/v1/delivery/enrol", "/api/v1/delivery/site/**",
						// The public portal: candidates look up their scores without an account (rate limited there).
						"/portal", "/api/v1/portal/scores", "/portal/verify", "/api/v1/portal/certificates/verify",
						// 分享码 (holders prove themselves by ID + ticket number, employers by code) and the public
						// documents for verifying credentials offline (JWKS, status lists).
						"/portal/share", "/portal/share/**", "/api/v1/portal/share/**", "/credentials/**",
						// 下载电子证书 by a signed 10-minute link from a lookup; a constant answer for probes and bench.
						"/portal/certificates/download", "/api/v1/portal/certificates/download", "/api/v1/portal/ping")
				.permitAll()
				// Operations (docs/operations.md): health above is public (details only for the administrator); the
				// rest of the actuator — metrics — for the administrator, or anyone on a separate management port.
				.requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
				.permitAll()
				.requestMatchers("/admin/**", "/api/v1/admin/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				// The client's address behind a trusted proxy, for the per-IP limit (LoginAddress).
				.authenticationDetailsSource(request -> new WebAuthenticationDetails(addresses.of(request),
						request.getSession(false) == null ? null : request.getSession(false).getId()))
				.successHandler(successHandler(secondFactor))
				.failureHandler(failureHandler())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
				// htmx fragments (e.g. the unread badge) after a session timeout: send the whole page to login.
				.defaultAuthenticationEntryPointFor((request, response, e) -> {
					response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
					response.setStatus(HttpStatus.UNAUTHORIZED.value());
				}, request -> request.getHeader("HX-Request") != null)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
				.defaultAccessDeniedHandlerFor((request, response, e) -> writeProblem(response, json, messages,
						HttpStatus.FORBIDDEN, "error.forbidden"), API)
				.accessDeniedPage("/denied"))
			// Programs that present a bearer token are not browsers: no CSRF cookie to ride on.
			.csrf(csrf -> csrf.ignoringRequestMatchers(
					request -> request.getHeader("Authorization") != null
							&& request.getHeader("Authorization").startsWith("Bearer "),
					PathPatternRequestMatcher.pathPattern("/api/v1/auth/tokens"),
					// The exam-site server proves itself by a one-time token or by signing each request (delivery).
					PathPatternRequestMatcher.pathPattern("/api/v1/delivery/enrol"),
					PathPatternRequestMatcher.pathPattern("/api/v1/delivery/site/**"),
					// A read without session or state change; the portal's HTML form keeps its CSRF token.
					PathPatternRequestMatcher.pathPattern("/api/v1/portal/scores"),
					PathPatternRequestMatcher.pathPattern("/api/v1/portal/certificates/verify"),
					// No session: every call carries its proof (ID + ticket number, or the share code).
					PathPatternRequestMatcher.pathPattern("/api/v1/portal/share/**")))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
						+ "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterBefore(new BearerTokenFilter(logins), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequiredFilter(json, messages), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** After the password: the second factor first for the roles that need one, then as before. */
	private static AuthenticationSuccessHandler successHandler(SecondFactorLogin secondFactor) {
		AuthenticationSuccessHandler next = afterLogin();
		return (request, response, authentication) -> {
			request.getSession().removeAttribute(LOGIN_ERROR);
			if (authentication.getPrincipal() instanceof KaowuUser user && SecondFactor.required(user.scope().role())) {
				secondFactor.begin(request, response, user);
				boolean enrolled = secondFactor.pending(request.getSession()).orElseThrow().enrolled();
				response.sendRedirect(request.getContextPath() + (enrolled ? "/login/totp" : "/login/totp/enrol"));
				return;
			}
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** Where a complete login goes: the password page if it must change, else the page asked for, else home. */
	static AuthenticationSuccessHandler afterLogin() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			if (authentication.getPrincipal() instanceof KaowuUser user && user.isMustChangePassword()) {
				response.sendRedirect(request.getContextPath() + "/account/password");
				return;
			}
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler failureHandler() {
		return (request, response, exception) -> {
			request.getSession().setAttribute(LOGIN_ERROR, exception.getMessage());
			response.sendRedirect(request.getContextPath() + "/login?error");
		};
	}

	static void writeProblem(HttpServletResponse response, JsonMapper json, ProblemMessages messages,
			HttpStatus status, String key) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), Map.of("type", "urn:kaowu:problem:" + key, "title",
				status.getReasonPhrase(), "status", status.value(), "detail", messages.text(key), "code", key));
	}

	/** Username and password through {@link LoginService}. */
	private record PasswordProvider(LoginService logins) implements AuthenticationProvider {

		@Override
		public Authentication authenticate(Authentication authentication) {
			String remote = authentication.getDetails() instanceof WebAuthenticationDetails details
					? details.getRemoteAddress() : null;
			KaowuUser user = logins.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()),
					remote);
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}
	}

	/** {@code Authorization: Bearer kw_…} for API clients. */
	private static final class BearerTokenFilter extends OncePerRequestFilter {

		private final LoginService logins;

		BearerTokenFilter(LoginService logins) {
			this.logins = logins;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith("Bearer ")) {
				logins.resolveToken(header.substring(7).trim()).ifPresent(user -> {
					var context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
					SecurityContextHolder.setContext(context);
				});
			}
			chain.doFilter(request, response);
		}
	}

	/** Until the initial password is changed, nothing but the password page (and logout) is reachable. */
	private static final class PasswordChangeRequiredFilter extends OncePerRequestFilter {

		private final JsonMapper json;

		private final ProblemMessages messages;

		PasswordChangeRequiredFilter(JsonMapper json, ProblemMessages messages) {
			this.json = json;
			this.messages = messages;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (auth != null && auth.getPrincipal() instanceof KaowuUser user && user.isMustChangePassword()
					&& !allowed(path)) {
				if (path.startsWith("/api/")) {
					writeProblem(response, json, messages, HttpStatus.FORBIDDEN, "password.mustChange");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/account/password");
				}
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean allowed(String path) {
			return path.equals("/account/password") || path.equals("/api/v1/account/password")
					|| path.equals("/account/recovery-codes")
					|| path.equals("/inbox/unread-count")
					|| path.equals("/logout") || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.startsWith("/webjars/") || path.equals("/error");
		}
	}
}
