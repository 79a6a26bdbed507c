package cn.kaowu.examsite.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.examsite.ExamSiteApplication;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The site server stopped mid-exam and started again on the same data directory: the site key, the opened
 * package, the candidate's paper and every saved answer are still there, and the candidate resumes.
 */
class RestartIntegrationTest {

    @Test
    void aCandidateResumesTheSamePaperWithTheSavedAnswersAfterARestart() throws Exception {
        Path dataDir = Path.of("target", "test-site", "restart-" + UUID.randomUUID());
        String ticket = TestPackages.ticket(901);
        SittingView before;
        String sitePublicKey;
        try (ConfigurableApplicationContext site = start(dataDir)) {
            MutableClock clock = site.getBean(MutableClock.class);
            SiteKeys keys = site.getBean(SiteKeys.class);
            sitePublicKey = keys.publicKeyPem();
            site.getBean(SiteSettings.class).configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
            var built = TestPackages.build(dataDir.resolve("incoming"), "PKG-RESTART", TestPackages.SITE_CODE,
                    keys.publicKey(), 901, 2);
            ExamPackages packages = site.getBean(ExamPackages.class);
            try (InputStream in = Files.newInputStream(built.file())) {
                packages.importPackage(in);
            }
            clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
            packages.openWithReleaseKey("PKG-RESTART", built.releaseKeyBase64());

            Sittings sittings = site.getBean(Sittings.class);
            CandidateRef ref = sittings.signIn(ticket, TestPackages.password(901));
            clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(12)));
            Map<String, String> key = SittingIntegrationTest.correctLabels(sittings.view(ref));
            sittings.save(ref, Map.of("s2", List.of(key.get("s2")), "m1", List.of(key.get("m1").split(",")),
                    "t1", List.of("F")));
            before = sittings.view(ref);
        }

        try (ConfigurableApplicationContext site = start(dataDir)) {
            site.getBean(MutableClock.class).set(TestPackages.SLOT_START.plus(Duration.ofMinutes(45)));
            assertThat(site.getBean(SiteKeys.class).publicKeyPem()).isEqualTo(sitePublicKey);
            Sittings sittings = site.getBean(Sittings.class);

            SittingView after = sittings.view(sittings.signIn(ticket, TestPackages.password(901)));

            assertThat(after.sections()).isEqualTo(before.sections());
            assertThat(SittingIntegrationTest.chosen(after)).hasSize(3).containsEntry("t1", "F");
            assertThat(after.status()).isEqualTo(CandidateStatus.ANSWERING);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ExamSiteApplication.class, SiteIntegrationTest.Clocks.class)
                .profiles("test")
                .run("--kaowu.site.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }
}
