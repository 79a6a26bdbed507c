package cn.kaowu.examsite.status;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/site")
class SiteStatusController {

    private final Clock clock;
    private final CryptoSelfTest cryptoSelfTest;
    private final String service;
    private final String version;

    SiteStatusController(Clock clock, CryptoSelfTest cryptoSelfTest,
            @Value("${spring.application.name}") String service,
            @Value("${kaowu.version:unknown}") String version) {
        this.clock = clock;
        this.cryptoSelfTest = cryptoSelfTest;
        this.service = service;
        this.version = version;
    }

    @GetMapping("/status")
    SiteStatus status() {
        return new SiteStatus(service, version, clock.instant(), cryptoSelfTest.passed());
    }
}
