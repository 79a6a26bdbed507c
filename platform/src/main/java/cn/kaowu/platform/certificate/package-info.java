/**
 * 证书 (issue 8 parts 1-3; DOMAIN.md §13, 004 ch.5).
 * <ul>
 * <li>签章: only the college principal uploads, replaces, deletes and sees its college's stamp, after accepting the
 * authorisation agreement ({@link cn.kaowu.platform.certificate.StampRules}: PNG by content, square 80–200 px, some
 * transparent pixels, ≤ 1 MB).</li>
 * <li>证书发放名单: the ORG owning a plan generates it from the plan's 考证结果 once the scores are locked (passers only,
 * one row per candidate and level, regeneration adds new passers only); the principal's delegated approvers and the ORG
 * confirm with a re-entered password (batches ≤ 100); a college refusal with a reason returns the row to the ORG.
 * Confirmed by both is final (service and trigger) and gets a certificate number once
 * ({@link cn.kaowu.platform.certificate.CertificateNumbers}).</li>
 * <li>证书 ({@link cn.kaowu.platform.certificate.CertificatePdfs}): A4 PDF of a final, numbered row with photo, name
 * and pinyin and a QR code of the portal's verification URL; per plan and college the ORG chooses
 * ({@link cn.kaowu.platform.certificate.DeliveryMode}) electronic (stamp, signed with the document key) or paper (print
 * template, no stamp, unsigned); the zip draws and signs on worker threads.</li>
 * <li>证书状态 ({@link cn.kaowu.platform.certificate.CertificateRegistry}): the ORG owning the plan revokes (for good)
 * or suspends a numbered certificate with a reason and lifts a suspension (page with a confirm step and the history);
 * append-only {@code certificate_status_change}, audited. The registry's {@code verify} serves the portal's 证书查验.</li>
 * <li>分享码 ({@link cn.kaowu.platform.certificate.ShareCodes}): a holder proven by ID and ticket number creates
 * expiring codes (stored hashed, audited) that show an employer the certificate; Verifiable Credentials
 * ({@link cn.kaowu.platform.certificate.VerifiableCredentials}): Open Badges 3.0 as VC-JOSE with the document key,
 * revocation and suspension in public Bitstring Status Lists ({@link cn.kaowu.platform.certificate.StatusLists}),
 * verifiable offline.</li>
 * </ul>
 * Only the portal depends on this module (the registry). Texts are in the bundle {@code i18n/certificate}.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "plan", "enrollment", "score",
		"identity", "storage", "audit", "catalog", "candidate", "document" })
package cn.kaowu.platform.certificate;
