package cn.kaowu.exampackage;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The ORG's approval code (延时审批码) for an extension that brings a candidate's total extension above 15 minutes
 * (seed 004 ch.4 §3, 巡考员 5: up to 15 minutes the chief examiner and the patrol decide, beyond that the ORG).
 * Read out by phone as {@code ddddd-ddddd}: 9 digits and a Damm check digit ({@link EmergencyCode}'s).
 *
 * <pre>
 * key  = HMAC-SM3(release key, "kaowu/extension-key/v1" ‖ 0 ‖ package id)
 * code = HMAC-SM3(key, "kaowu/extension/v1" ‖ 0 ‖ package id ‖ 0 ‖ target ‖ 0 ‖ total minutes) mod 10^9 ‖ Damm digit
 * </pre>
 * {@code target} is {@code ticket:<ticket number>} or {@code room:<room code>}; {@code total minutes} the decimal
 * total extension of the affected candidates after this one. The site stores only the derived key (when the
 * package is opened), never the release key, so a code approves exactly one package, target and total.
 */
public final class ExtensionApproval {

    /** Digits of the code without the check digit. */
    public static final int CODE_DIGITS = 9;

    private static final BigInteger MODULUS = BigInteger.TEN.pow(CODE_DIGITS);
    private static final String KEY_LABEL = "kaowu/extension-key/v1\0";
    private static final String CODE_LABEL = "kaowu/extension/v1\0";

    private ExtensionApproval() {
    }

    /** The target of an extension for one candidate. */
    public static String ticketTarget(String ticketNumber) {
        return "ticket:" + ExamPackageManifest.requireId(ticketNumber, "ticketNumber");
    }

    /** The target of an extension for a whole room. */
    public static String roomTarget(String roomCode) {
        return "room:" + ExamPackageManifest.requireId(roomCode, "roomCode");
    }

    /** Whether a target is {@code ticket:…} or {@code room:…} with something after the colon. */
    public static boolean validTarget(String target) {
        return target != null && target.length() <= 60
                && (target.matches("ticket:\\S.*") || target.matches("room:\\S.*"));
    }

    /** The key the site keeps for checking codes, derived from the package's release key. */
    public static byte[] siteKey(byte[] releaseKey, String packageId) {
        Objects.requireNonNull(packageId, "packageId");
        return new HmacSm3(releaseKey).mac((KEY_LABEL + packageId).getBytes(StandardCharsets.UTF_8));
    }

    /** The code as the platform reads it out: {@code ddddd-ddddd}. */
    public static String code(byte[] siteKey, String packageId, String target, int totalMinutes) {
        Objects.requireNonNull(packageId, "packageId");
        if (!validTarget(target)) {
            throw new IllegalArgumentException("target must be ticket:<ticket> or room:<room>: " + target);
        }
        if (totalMinutes < 1) {
            throw new IllegalArgumentException("totalMinutes must be positive: " + totalMinutes);
        }
        byte[] mac = new HmacSm3(siteKey).mac((CODE_LABEL + packageId + "\0" + target + "\0" + totalMinutes)
                .getBytes(StandardCharsets.UTF_8));
        String digits = String.format("%0" + CODE_DIGITS + "d", new BigInteger(1, mac).mod(MODULUS));
        String code = digits + EmergencyCode.checkDigit(digits);
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /**
     * Checks a typed code (spaces and dashes ignored).
     *
     * @throws CryptoException naming the reason: not 10 digits, a check digit that does not match (a typo), or a
     *         code for another package, target or total
     */
    public static void check(byte[] siteKey, String packageId, String target, int totalMinutes, String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{" + (CODE_DIGITS + 1) + "}")) {
            throw new CryptoException("延时审批码应为 10 位数字 (extension approval code must be 10 digits)");
        }
        if (EmergencyCode.checkDigit(digits.substring(0, CODE_DIGITS)) != digits.charAt(CODE_DIGITS) - '0') {
            throw new CryptoException("延时审批码校验位不符，请核对后重新输入"
                    + " (extension approval code check digit does not match; a digit was misheard or mistyped)");
        }
        String expected = code(siteKey, packageId, target, totalMinutes).replace("-", "");
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                digits.getBytes(StandardCharsets.US_ASCII))) {
            throw new CryptoException("延时审批码不符：该码不是为本考试包、" + target + "、累计延时 " + totalMinutes
                    + " 分钟签发的 (the code was not issued for this package, target and total)");
        }
    }
}
