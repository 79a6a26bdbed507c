package cn.kaowu.examsite;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Exam-site server: runs on a college's LAN on exam day. */
@SpringBootApplication
public class ExamSiteApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExamSiteApplication.class, args);
    }

    /** The only source of "now", so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
