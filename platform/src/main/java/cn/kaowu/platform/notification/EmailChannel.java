package cn.kaowu.platform.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server configured with {@code spring.mail.host}; off when none is configured. */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailChannel implements NotificationChannel {

	private final JavaMailSender mail;

	private final String from;

	private final String baseUrl;

	EmailChannel(JavaMailSender mail, @Value("${kaowu.mail.from:noreply@kaowu.local}") String from,
			@Value("${kaowu.base-url:http://localhost:8080}") String baseUrl) {
		this.mail = mail;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public void deliver(Delivery delivery) {
		if (delivery.email() == null || delivery.email().isBlank()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(delivery.email());
		message.setSubject("【考务平台】" + delivery.title());
		StringBuilder text = new StringBuilder(delivery.body().isBlank() ? delivery.title() : delivery.body());
		if (delivery.link() != null) {
			text.append("\n\n").append(delivery.link().startsWith("/") ? baseUrl + delivery.link() : delivery.link());
		}
		message.setText(text.toString());
		mail.send(message);
	}
}
