/**
 * The public portal (issue 8 part 4): without a login, a candidate looks up their scores by full ID number and ticket
 * number, on a phone-friendly page ({@code /portal}) or by {@code POST /api/v1/portal/scores}.
 * <ul>
 * <li>Only plans whose publication has started (platform clock) are shown; the name is masked (张*丰).</li>
 * <li>"No such ticket", "wrong ID number for that ticket" and "not published yet" give one and the same answer, after
 * the same queries ({@link cn.kaowu.platform.score.ScoreManagement#publishedScoresOf}).</li>
 * <li>At most 10 lookups a minute per client address and per ID number ({@link cn.kaowu.platform.portal.RateLimiter},
 * in memory); over that 429 with {@code Retry-After}. {@code X-Forwarded-For} counts only when the connection comes
 * from a proxy named in {@code kaowu.portal.trusted-proxies} (default none).</li>
 * </ul>
 * Texts are in the bundle {@code i18n/portal}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "score", "plan", "catalog" })
package cn.kaowu.platform.portal;
