package cn.kaowu.examsite;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Exam-site server: runs on a college's LAN on exam day. */
@SpringBootApplication
public class ExamSiteApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExamSiteApplication.class, args);
    }

    /**
     * The only source of "now", so tests can move time. {@code kaowu.site.clock-offset} (an ISO-8601 duration, e.g.
     * {@code P16DT3H}) runs the server as if at another time — for drills and for the two-process test of a whole
     * slot. It gives the administrator nothing the machine's own clock would not: the platform decides on its own
     * clock when a release key is handed out.
     */
    @Bean
    Clock clock(@Value("${kaowu.site.clock-offset:PT0S}") Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        LoggerFactory.getLogger(ExamSiteApplication.class)
                .warn("站点时钟偏移 {}（仅用于演练和测试） (site clock offset {}, drills and tests only)", offset, offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
