package cn.kaowu.examsite.setup;

import java.security.PublicKey;
import java.util.Optional;

import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.examsite.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the administrator enters once at set-up: the site code and the platform's public key, which every
 * imported package must be signed with. Entered by hand now; {@code PlatformLink} will fetch them on enrolment.
 */
@Component
public class SiteSettings {

    static final String SITE_CODE = "site_code";
    static final String PLATFORM_PUBLIC_KEY = "platform_public_key";
    static final String PLATFORM_URL = "platform_url";

    private final JdbcClient jdbc;

    SiteSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> siteCode() {
        return value(SITE_CODE);
    }

    public Optional<PublicKey> platformPublicKey() {
        return value(PLATFORM_PUBLIC_KEY).map(Sm2Keys::publicKeyFromPem);
    }

    public Optional<String> platformPublicKeyPem() {
        return value(PLATFORM_PUBLIC_KEY);
    }

    /** The platform's address once the site has enrolled over the network; empty for a site run from files. */
    public Optional<String> platformUrl() {
        return value(PLATFORM_URL);
    }

    @Transactional
    public void linkPlatform(String url) {
        put(PLATFORM_URL, url);
    }

    public boolean configured() {
        return siteCode().isPresent() && platformPublicKeyPem().isPresent();
    }

    /**
     * @throws cn.kaowu.exampackage.CryptoException when the PEM is not an SM2 public key
     */
    @Transactional
    public void configure(String siteCode, String platformPublicKeyPem) {
        String code = siteCode == null ? "" : siteCode.strip();
        if (code.isEmpty() || code.length() > 64) {
            throw Refusal.of("refusal.setup.siteCode");
        }
        String pem = platformPublicKeyPem == null ? "" : platformPublicKeyPem.strip() + "\n";
        Sm2Keys.publicKeyFromPem(pem);
        put(SITE_CODE, code);
        put(PLATFORM_PUBLIC_KEY, pem);
    }

    private Optional<String> value(String name) {
        return jdbc.sql("select value from site_setting where name = ?").param(name).query(String.class).optional();
    }

    private void put(String name, String value) {
        jdbc.sql("insert into site_setting (name, value) values (?, ?) on conflict (name) do update set value = excluded.value")
                .params(name, value).update();
    }
}
