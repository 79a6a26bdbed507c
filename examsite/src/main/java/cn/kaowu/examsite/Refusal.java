package cn.kaowu.examsite;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A request the site refuses for a reason the person should read. Either keyed ({@link #of}: a message of
 * {@code messages*.properties} with its arguments, shown in the person's language by the controller through
 * {@link cn.kaowu.examsite.infra.Texts}) or a Chinese text shown as is. {@link #getMessage()} is always the zh-CN
 * text, for logs and tests.
 */
public class Refusal extends RuntimeException implements MessageSourceResolvable {

    private static final ResourceBundle ZH_CN = ResourceBundle.getBundle("messages", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final String code;
    private final Object[] arguments;

    public Refusal(String message) {
        this(message, (Throwable) null);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
        this.arguments = null;
    }

    private Refusal(String code, Object[] arguments, Throwable cause) {
        super(zhCn(code, arguments), cause);
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** A refusal worded by the message {@code code}; arguments as for {@link MessageFormat} (pass numbers as text). */
    public static Refusal of(String code, Object... arguments) {
        return new Refusal(code, arguments, null);
    }

    /** An argument that is itself a message (a status or a kind), translated with the refusal. */
    public static MessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(code);
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] { code };
    }

    @Override
    public Object[] getArguments() {
        return arguments == null ? null : arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
    }

    /** As Spring's message source does it: a message without arguments is taken as is, else through MessageFormat. */
    static String zhCn(String code, Object... arguments) {
        String pattern = ZH_CN.getString(code);
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            resolved[i] = arguments[i] instanceof MessageSourceResolvable r
                    ? zhCn(r.getCodes()[0], r.getArguments() == null ? new Object[0] : r.getArguments())
                    : arguments[i];
        }
        return new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(resolved);
    }
}
