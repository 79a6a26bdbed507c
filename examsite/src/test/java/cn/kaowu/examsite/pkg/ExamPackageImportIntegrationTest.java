package cn.kaowu.examsite.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import cn.kaowu.exampackage.ExamPackageWriter;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.infra.SiteDataDir;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SiteIntegrationTest
class ExamPackageImportIntegrationTest {

    @Autowired
    ExamPackages packages;
    @Autowired
    SiteSettings settings;
    @Autowired
    SiteKeys keys;
    @Autowired
    SiteDataDir dataDir;
    @Autowired
    Sittings sittings;
    @Autowired
    MutableClock clock;

    Path work;

    @BeforeEach
    void setUp() throws IOException {
        settings.configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
        work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "packages");
        clock.set(TestPackages.SLOT_START.minus(Duration.ofHours(2)));
    }

    @Test
    void siteKeyIsGeneratedOnFirstStartReadableOnlyByItsOwner() throws IOException {
        Path key = dataDir.resolve("site-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(keys.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void importsAVerifiedPackageAndShowsItsManifest() throws IOException {
        var built = TestPackages.build(work, "PKG-IMPORT", TestPackages.SITE_CODE, keys.publicKey(), 3);

        PackageSummary summary = importFile(built.file());

        assertThat(summary.packageId()).isEqualTo("PKG-IMPORT");
        assertThat(summary.planId()).isEqualTo(7);
        assertThat(summary.slotStart()).isEqualTo(TestPackages.SLOT_START);
        assertThat(summary.opened()).isFalse();
        assertThat(dataDir.resolve("packages/PKG-IMPORT.kwpkg")).exists();
        assertThatThrownBy(() -> importFile(built.file())).isInstanceOf(Refusal.class).hasMessageContaining("已导入");
    }

    @Test
    void refusesATamperedPackageAndOneForAnotherSite() throws IOException {
        var built = TestPackages.build(work, "PKG-TAMPER", TestPackages.SITE_CODE, keys.publicKey(), 1);
        byte[] bytes = Files.readAllBytes(built.file());
        bytes[bytes.length / 2] ^= 0x01;
        Path tampered = work.resolve("tampered.kwpkg");
        Files.write(tampered, bytes);
        assertThatThrownBy(() -> importFile(tampered)).isInstanceOf(Refusal.class).hasMessageContaining("校验失败");

        var other = TestPackages.build(work, "PKG-OTHER", "S-OTHER", keys.publicKey(), 1);
        assertThatThrownBy(() -> importFile(other.file())).isInstanceOf(Refusal.class)
                .hasMessageContaining("属于站点 S-OTHER");
        assertThat(packages.find("PKG-TAMPER")).isEmpty();
    }

    @Test
    void opensOnlyFromThirtyMinutesBeforeTheStartAndOnlyWithTheRightKey() throws IOException {
        var built = TestPackages.build(work, "PKG-OPEN", TestPackages.SITE_CODE, keys.publicKey(), 3);
        importFile(built.file());

        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)).minusSeconds(1));
        assertThatThrownBy(() -> packages.openWithReleaseKey("PKG-OPEN", built.releaseKeyBase64()))
                .isInstanceOf(Refusal.class).hasMessageContaining("开考前 30 分钟");

        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
        String wrongKey = Base64.getEncoder().encodeToString(ExamPackageWriter.generateReleaseKey());
        assertThatThrownBy(() -> packages.openWithReleaseKey("PKG-OPEN", wrongKey))
                .isInstanceOf(Refusal.class).hasMessageContaining("发布密钥错误");
        assertThatThrownBy(() -> packages.openWithReleaseKey("PKG-OPEN", "not base64!"))
                .isInstanceOf(Refusal.class).hasMessageContaining("格式错误");
        assertThat(packages.get("PKG-OPEN").opened()).isFalse();

        PackageSummary opened = packages.openWithReleaseKey("PKG-OPEN", built.releaseKeyBase64());

        assertThat(opened.opened()).isTrue();
        assertThat(opened.openedWith()).isEqualTo("RELEASE_KEY");
        assertThat(opened.candidates()).isEqualTo(3);
        assertThat(sittings.signInList("PKG-OPEN")).extracting(row -> row.name())
                .containsExactly("张伟", "王芳", "李娜");
        assertThat(sittings.photo("PKG-OPEN", TestPackages.ticket(1))).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThatThrownBy(() -> packages.openWithReleaseKey("PKG-OPEN", built.releaseKeyBase64()))
                .isInstanceOf(Refusal.class).hasMessageContaining("已解密");
    }

    @Test
    void theEmergencyCodeOpensThePackageWhenTheNetworkIsDown() throws IOException {
        var built = TestPackages.build(work, "PKG-EMERGENCY", TestPackages.SITE_CODE, keys.publicKey(), 2);
        importFile(built.file());
        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(10)));

        String code = built.emergencyCode();
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertThatThrownBy(() -> packages.openWithEmergencyCode("PKG-EMERGENCY", typo))
                .isInstanceOf(Refusal.class).hasMessageContaining("校验位");

        PackageSummary opened = packages.openWithEmergencyCode("PKG-EMERGENCY", code);

        assertThat(opened.openedWith()).isEqualTo("EMERGENCY_CODE");
        assertThat(opened.candidates()).isEqualTo(2);
    }

    private PackageSummary importFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return packages.importPackage(in);
        }
    }
}
