package cn.kaowu.examsite.status;

import java.time.Instant;

/** Answer of {@code GET /api/v1/site/status}. */
public record SiteStatus(String service, String version, Instant time, boolean cryptoSelfTest) {
}
