package cn.kaowu.examsite.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import(SiteStatusHttpTest.FixedClock.class)
class SiteStatusHttpTest {

    static final Instant NOW = Instant.parse("2026-03-14T01:30:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    RestTestClient http;

    @Test
    void reportsServiceVersionClockTimeAndCryptoSelfTest() {
        http.get().uri("/api/v1/site/status")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.service").isEqualTo("kaowu-examsite")
                // proves Maven filtered @project.version@ into application.properties
                .jsonPath("$.version").value(String.class, v -> assertThat(v).matches("\\d+\\.\\d+\\.\\d+.*"))
                .jsonPath("$.time").isEqualTo("2026-03-14T01:30:00Z")
                .jsonPath("$.cryptoSelfTest").isEqualTo(true);
    }
}
