package cn.kaowu.exampackage;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * How an enrolled exam-site server proves itself on each request to the platform, the one definition both sides use:
 * the headers {@value #SITE_HEADER} (site code), {@value #TIME_HEADER} (epoch milliseconds, at most
 * {@link #MAX_SKEW} from the platform's clock) and {@value #SIGNATURE_HEADER} (Base64 SM3withSM2 over
 * {@code METHOD\nPATH\nTIME} with the site's key). The body is not signed: packages and result packages carry their
 * own signatures and chunk hashes.
 */
public final class SiteRequest {

    public static final String SITE_HEADER = "X-Kaowu-Site";

    public static final String TIME_HEADER = "X-Kaowu-Time";

    public static final String SIGNATURE_HEADER = "X-Kaowu-Signature";

    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SiteRequest() {
    }

    /** The {@value #SIGNATURE_HEADER} value for a request at {@code time} (epoch milliseconds as text). */
    public static String sign(PrivateKey siteKey, String method, String path, String time) {
        return Base64.getEncoder().encodeToString(Sm2Signer.sign(siteKey, message(method, path, time)));
    }

    /** Whether the signature is the site's for this method, path and time; any malformed part is simply false. */
    public static boolean verify(PublicKey siteKey, String method, String path, String time, String signature) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Sm2Signer.verify(siteKey, message(method, path, time), bytes);
    }

    /** Whether the claimed time is a number within {@link #MAX_SKEW} of {@code now}. */
    public static boolean fresh(String time, Instant now) {
        try {
            Instant claimed = Instant.ofEpochMilli(Long.parseLong(time));
            return Duration.between(claimed, now).abs().compareTo(MAX_SKEW) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static byte[] message(String method, String path, String time) {
        return (method + "\n" + path + "\n" + time).getBytes(StandardCharsets.UTF_8);
    }
}
