package cn.kaowu.exampackage;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The emergency code (应急解锁码) that opens one exam package when the site cannot reach the platform:
 * 20 digits read out by phone as four groups of five, {@code 12345-67890-12345-67895}, the last digit a
 * Damm check digit that catches every single wrong digit and every swap of two neighbours before any
 * slow work is done.
 *
 * <p>The 19 code digits are derived from the package's release key and id (HMAC-SM3), so the platform
 * stores nothing new and can read the code out again. The package carries an emergency slot: the
 * release key, encrypted with SM4-GCM under PBKDF2-HMAC-SM3(code, per-package salt || package id,
 * {@value #ITERATIONS} iterations), wrapped for the site's SM2 public key. Opening it needs the package
 * file, the site's SM2 private key and the code; the code of another package derives another key and
 * fails the GCM tag. See {@code package-info} for the threat model and the brute-force estimate.
 */
public final class EmergencyCode {

    /** PBKDF2 work factor: about 0.6 s per attempt on one core of the 2-core reference machine (1.7 M iterations/s). */
    public static final int ITERATIONS = 1_000_000;

    /** Code digits without the check digit: 10^19 ≈ 2^63 possible codes per package. */
    public static final int CODE_DIGITS = 19;

    static final int SALT_LENGTH = 16;
    private static final BigInteger MODULUS = BigInteger.TEN.pow(CODE_DIGITS);
    private static final String CODE_LABEL = "kaowu/emergency-code/v1\0";
    private static final String SLOT_LABEL = "kaowu/emergency-slot/v1\0";

    // Damm's quasigroup of order 10 (weakly totally anti-symmetric).
    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    private EmergencyCode() {
    }

    /** The code of one package, formatted for reading out: {@code ddddd-ddddd-ddddd-ddddd}. */
    public static String forPackage(byte[] releaseKey, String packageId) {
        Objects.requireNonNull(packageId, "packageId");
        byte[] mac = new HmacSm3(releaseKey).mac((CODE_LABEL + packageId).getBytes(StandardCharsets.UTF_8));
        String digits = String.format("%0" + CODE_DIGITS + "d", new BigInteger(1, mac).mod(MODULUS));
        String code = digits + checkDigit(digits);
        return code.substring(0, 5) + "-" + code.substring(5, 10) + "-" + code.substring(10, 15) + "-"
                + code.substring(15);
    }

    /**
     * The 20 digits of a code as typed by a person (spaces and dashes ignored).
     *
     * @throws CryptoException when it is not 20 digits or the check digit does not match (a typo)
     */
    public static String normalise(String typed) {
        Objects.requireNonNull(typed, "typed");
        String digits = typed.replaceAll("[\\s-]", "");
        if (!digits.matches("[0-9]{" + (CODE_DIGITS + 1) + "}")) {
            throw new CryptoException("应急解锁码应为 20 位数字 (emergency code must be 20 digits)");
        }
        if (checkDigit(digits.substring(0, CODE_DIGITS)) != digits.charAt(CODE_DIGITS) - '0') {
            throw new CryptoException("应急解锁码校验位不符，请核对后重新输入"
                    + " (emergency code check digit does not match; a digit was misheard or mistyped)");
        }
        return digits;
    }

    /** The emergency slot written into a package header. */
    static byte[] seal(byte[] releaseKey, String packageId, byte[] salt, int iterations) {
        String code = forPackage(releaseKey, packageId);
        return Sm4Gcm.encrypt(slotKey(normalise(code), packageId, salt, iterations), releaseKey, slotLabel(packageId));
    }

    /** The release key from an emergency slot already unwrapped with the site's SM2 private key. */
    static byte[] open(byte[] slot, String typedCode, String packageId, byte[] salt, int iterations) {
        byte[] key = slotKey(normalise(typedCode), packageId, salt, iterations);
        try {
            return Sm4Gcm.decrypt(key, slot, slotLabel(packageId));
        } catch (CryptoException e) {
            throw new CryptoException("应急解锁码错误或不属于此考试包"
                    + " (wrong emergency code, or the code of another package)", e);
        }
    }

    static byte[] slotKey(String digits, String packageId, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator pbkdf2 = new PKCS5S2ParametersGenerator(new SM3Digest());
        byte[] id = packageId.getBytes(StandardCharsets.UTF_8);
        byte[] fullSalt = new byte[salt.length + id.length];
        System.arraycopy(salt, 0, fullSalt, 0, salt.length);
        System.arraycopy(id, 0, fullSalt, salt.length, id.length);
        pbkdf2.init(digits.getBytes(StandardCharsets.US_ASCII), fullSalt, iterations);
        return ((KeyParameter) pbkdf2.generateDerivedParameters(Sm4Gcm.KEY_LENGTH * 8)).getKey();
    }

    private static byte[] slotLabel(String packageId) {
        return (SLOT_LABEL + packageId).getBytes(StandardCharsets.UTF_8);
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
