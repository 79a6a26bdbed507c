package cn.kaowu.exampackage;

/**
 * A cryptographic operation failed: tampered data, a wrong key, or a malformed key or input.
 * Messages are Chinese with the English in parentheses.
 */
public class CryptoException extends RuntimeException {

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
