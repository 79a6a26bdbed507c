package cn.kaowu.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableAsync
public class KaowuPlatformApplication {

	public static void main(String[] args) {
		SpringApplication.run(KaowuPlatformApplication.class, args);
	}
}
