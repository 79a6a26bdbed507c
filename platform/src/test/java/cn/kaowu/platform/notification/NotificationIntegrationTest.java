package cn.kaowu.platform.notification;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain events reach the inbox and, through the e-mail channel, a real (local test) SMTP server. */
@IntegrationTest
@TestPropertySource(properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
class NotificationIntegrationTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	TestWorld world;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Inbox inbox;

	@Test
	void aPasswordResetLandsInTheOwnersInboxAndMailbox() throws Exception {
		var college = world.college(world.province());
		AccountForm form = new AccountForm();
		form.setUsername(TestWorld.unique("mailme"));
		form.setDisplayName("邮件测试");
		form.setRole(Role.COLLEGE_ADMIN);
		form.setOrganisationId(college.id());
		form.setEmail("mailme@example.edu.cn");
		var account = accounts.create(Scope.system(), form).account();
		accounts.resetPassword(Scope.system(), account.id());

		Scope owner = world.scopeOf(account);
		awaitTrue(() -> inbox.unreadCount(owner) == 2);
		var items = inbox.list(owner, PageQuery.of(1, 10)).items();
		assertThat(items).extracting(InboxEntry::title)
			.containsExactly("您的密码已被平台管理员重置", "欢迎使用 1+X 考务管理平台，邮件测试");

		inbox.markRead(owner, java.util.List.of(items.getFirst().id()));
		assertThat(inbox.unreadCount(owner)).isEqualTo(1);
		// Another account of the same college does not see a notice addressed to this account.
		Scope colleague = world.scopeOf(world.account(Role.COLLEGE_ADMIN, college));
		assertThat(inbox.list(colleague, PageQuery.of(1, 10)).items()).extracting(InboxEntry::title)
			.doesNotContain("您的密码已被平台管理员重置");

		awaitTrue(() -> smtp.getReceivedMessages().length >= 2);
		MimeMessage[] mails = smtp.getReceivedMessages();
		assertThat(mails).extracting(MimeMessage::getSubject)
			.contains("【考务平台】您的密码已被平台管理员重置");
		assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("mailme@example.edu.cn");
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("condition not met within 10 s");
			}
			Thread.sleep(50);
		}
	}
}
