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
 * 证书查验 (issue 8 part 5): {@code /portal/verify?no=} or {@code POST /api/v1/portal/certificates/verify} with the
 * certificate number and the full ID number answers 有效 / 已暂停 / 已撤销 with the masked holder name, level, issue date
 * and issuer; an unknown number and a wrong ID number give one answer after the same work (row, holder's ID number,
 * constant-time digest comparison); same limits as above.
 * <p>
 * 分享码 ({@link cn.kaowu.platform.portal.ShareAccess}, {@code /portal/share}, {@code /api/v1/portal/share/...}): the
 * holder proves who they are like the score lookup (same limits) and manages codes; an employer opens a code (10 a
 * minute per address) and sees the certificate or downloads its Verifiable Credential; every miss is one answer.
 * <p>
 * 下载电子证书 (issue 8 part 4): a found lookup lists the holder's certificates of the ticket's plans (final, numbered,
 * not revoked) with a 10-minute HMAC-signed link ({@link cn.kaowu.platform.portal.PortalDownloads}):
 * {@code /portal/certificates/download?token=} or {@code GET /api/v1/portal/certificates/download?token=}; rate
 * limited; a suspended or revoked certificate gives its reason and no PDF.
 * <p>
 * Caches (Caffeine, bounded): found lookups of plans whose scores are locked ({@code ScoreLookup}); the unchanging
 * part of a certificate for the check, per number found or not ({@code CertificateRegistry}). Certificate status is
 * never cached: one indexed query per answer, so a revocation shows at once on every node. The rate limits hold at
 * most {@code kaowu.portal.rate-limit-keys} keys each (default 100,000), as hashes in primitive arrays.
 * Texts are in the bundle {@code i18n/portal}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "score", "plan", "catalog", "certificate",
		"enrollment" })
package cn.kaowu.platform.portal;
