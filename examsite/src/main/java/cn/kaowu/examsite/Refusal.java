package cn.kaowu.examsite;

/** A request the site refuses for a reason the person should read (Chinese, shown as is). */
public class Refusal extends RuntimeException {

    public Refusal(String message) {
        super(message);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause);
    }
}
