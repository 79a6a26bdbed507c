package cn.kaowu.examsite.setup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import cn.kaowu.examsite.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The site administrator account ({@value #ADMIN}), created at first start with a one-time password printed
 * to the console (or {@code kaowu.site.admin-initial-password}, for tests and scripted installs).
 */
@Component
public class SiteAdmins implements SmartInitializingSingleton {

    public static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(SiteAdmins.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String initialPassword;
    private final boolean changeRequired;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    SiteAdmins(JdbcClient jdbc, Clock clock, @Value("${kaowu.site.admin-initial-password:}") String initialPassword,
            @Value("${kaowu.site.admin-password-change-required:true}") boolean changeRequired) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.initialPassword = initialPassword;
        this.changeRequired = changeRequired;
    }

    /**
     * Before the web server takes requests (singletons are instantiated before the server starts), so a login
     * arriving the moment the port opens finds the account.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (jdbc.sql("select count(*) from site_admin").query(Long.class).single() > 0) {
            return;
        }
        String password = initialPassword.isBlank() ? randomPassword() : initialPassword;
        jdbc.sql("""
                insert into site_admin (username, password_hash, created_at, must_change_password) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(ADMIN, encoder.encode(password), java.sql.Timestamp.from(Instant.now(clock)), changeRequired)
                .update();
        if (initialPassword.isBlank()) {
            // Printed once, on purpose: the administrator reads it off the console of the first start.
            log.warn("站点管理员账号 {} 的初始密码 (one-time password of site admin {}): {}", ADMIN, ADMIN, password);
        }
    }

    /** Whether the administrator still has the one-time password and must choose a new one. */
    public boolean mustChangePassword(String username) {
        return jdbc.sql("select must_change_password from site_admin where username = ?").param(username)
                .query(Boolean.class).optional().orElse(true);
    }

    /**
     * Replaces the password after checking the current one.
     *
     * @throws Refusal with the reason
     */
    public void changePassword(String username, String current, String replacement) {
        if (authenticate(username, current).isEmpty()) {
            throw Refusal.of("refusal.password.wrong");
        }
        if (replacement == null || replacement.length() < 10) {
            throw Refusal.of("refusal.password.short");
        }
        if (replacement.equals(current)) {
            throw Refusal.of("refusal.password.same");
        }
        jdbc.sql("update site_admin set password_hash = ?, must_change_password = false where username = ?")
                .params(encoder.encode(replacement), username).update();
    }

    /** The user name when the password matches. */
    public Optional<String> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return jdbc.sql("select password_hash from site_admin where username = ?").param(username.strip())
                .query(String.class).optional()
                .filter(hash -> encoder.matches(password, hash))
                .map(hash -> username.strip());
    }

    private static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
