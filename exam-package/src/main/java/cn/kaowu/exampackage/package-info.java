/**
 * Formats and 国密 (SM2/SM3/SM4) crypto shared by the platform and the exam-site server: exam packages
 * ({@link cn.kaowu.exampackage.ExamPackageWriter}, {@link cn.kaowu.exampackage.ExamPackageReader}), the release rule
 * ({@link cn.kaowu.exampackage.ReleasePolicy}), emergency codes ({@link cn.kaowu.exampackage.EmergencyCode}),
 * per-candidate papers ({@link cn.kaowu.exampackage.PaperBuilder}), objective grading
 * ({@link cn.kaowu.exampackage.ObjectiveGrading}), result packages ({@link cn.kaowu.exampackage.ResultPackageWriter},
 * {@link cn.kaowu.exampackage.ResultPackageVerifier}), chunked upload ({@link cn.kaowu.exampackage.ChunkManifest}) and
 * receipts ({@link cn.kaowu.exampackage.Receipt}). Plain Java and Bouncy Castle; no Spring, no I/O beyond the
 * streams and files it is given. Every refusal is a {@link cn.kaowu.exampackage.CryptoException} with a Chinese
 * message and the English in parentheses.
 *
 * <h2>Keys</h2>
 * <ul>
 * <li>platform signing key (SM2): signs exam packages; its public key is configured on every site;
 * <li>site key pair (SM2): generated on the site server at registration, the private key never leaves it; the
 *     platform wraps package keys for the public key and verifies result packages with it;
 * <li>release key (SM4, 128 bits, one per package): kept by the platform, handed to the site from T-30:00;
 * <li>content key (SM4, 128 bits, one per package): encrypts the records; stored only wrapped
 *     ({@code SM2(site, SM4-GCM(release key, content key))});
 * <li>emergency code (19 digits + check digit, one per package): derived from the release key and package id.
 * </ul>
 *
 * <h2>Threat model</h2>
 * <ul>
 * <li><b>Package intercepted or copied in transit or from a download cache</b> — useless: opening needs the site's
 *     SM2 private key and either the release key or the emergency code.
 * <li><b>Someone at the site before T-30</b> (has the server, so the private key and the package): the release key
 *     is not on the site yet; the emergency slot needs the code. The code has 10<sup>19</sup> ≈ 2<sup>63</sup> values
 *     and each guess costs PBKDF2-HMAC-SM3 with 1,000,000 iterations (≈ 0.6 s on one core of the reference machine,
 *     1.7 M iterations/s). Exhausting half the space takes ≈ 9 × 10<sup>10</sup> core-years; assuming 10<sup>10</sup>
 *     iterations/s per GPU (generous, about a high-end GPU's PBKDF2-HMAC-SHA256 rate), 10,000 GPUs over the week the
 *     package is on site try 6 × 10<sup>13</sup> codes, a chance of 6 × 10<sup>-6</sup>.
 * <li><b>Emergency code overheard</b> — useless without the site's private key and the package, and bound to one
 *     package: the code derives the key of that package's slot only (package id in the HMAC and the KDF salt).
 *     Reading it out is logged by the platform like a release; once read it is spent, as the release key would be.
 * <li><b>Tampered package</b> (any byte: header, wrapped keys, records, signature) — refused by the SM3withSM2
 *     signature before anything is parsed; records are also bound to package, position and type by their GCM
 *     associated data. A file swapped between verification and reading is detected by a second signature check
 *     while streaming (callers treat what they received as provisional until reading returns).
 * <li><b>Forged, altered or replayed result package</b> — signature of the registered site key; entries hash-chained;
 *     a result package id is accepted once and sequences must rise per exam package
 *     ({@link cn.kaowu.exampackage.ResultReplayGuard}), so an old upload cannot overwrite a newer one.
 * <li><b>Out of scope</b>: a compromised platform or platform signing key; a site server compromised during the
 *     exam (it holds the papers then by design); confidentiality of result packages in transit (TLS does that).
 * </ul>
 */
package cn.kaowu.exampackage;
