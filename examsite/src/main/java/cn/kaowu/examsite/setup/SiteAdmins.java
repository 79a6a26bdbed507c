package cn.kaowu.examsite.setup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The site administrator account ({@value #ADMIN}), created at first start with a one-time password printed
 * to the console (or {@code kaowu.site.admin-initial-password}, for tests and scripted installs).
 */
@Component
public class SiteAdmins {

    public static final String ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(SiteAdmins.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String initialPassword;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();

    SiteAdmins(JdbcClient jdbc, Clock clock, @Value("${kaowu.site.admin-initial-password:}") String initialPassword) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.initialPassword = initialPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createAdminOnFirstStart() {
        if (jdbc.sql("select count(*) from site_admin").query(Long.class).single() > 0) {
            return;
        }
        String password = initialPassword.isBlank() ? randomPassword() : initialPassword;
        jdbc.sql("insert into site_admin (username, password_hash, created_at) values (?, ?, ?) on conflict do nothing")
                .params(ADMIN, encoder.encode(password), java.sql.Timestamp.from(Instant.now(clock))).update();
        if (initialPassword.isBlank()) {
            // Printed once, on purpose: the administrator reads it off the console of the first start.
            log.warn("站点管理员账号 {} 的初始密码 (one-time password of site admin {}): {}", ADMIN, ADMIN, password);
        }
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
