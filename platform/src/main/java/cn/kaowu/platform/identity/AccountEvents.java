package cn.kaowu.platform.identity;

import java.util.List;

import cn.kaowu.platform.kernel.Notifiable;

/** Events of the identity module. */
public final class AccountEvents {

	private AccountEvents() {
	}

	/** An account was created; its owner is welcomed in the inbox. */
	public record AccountCreated(long accountId, String username, String displayName) implements Notifiable {

		@Override
		public List<Long> recipientAccounts() {
			return List.of(accountId);
		}

		@Override
		public String messageKey() {
			return "notice.accountCreated";
		}

		@Override
		public List<String> messageArgs() {
			return List.of(displayName);
		}
	}

	/** The administrator reset an account's password. */
	public record PasswordReset(long accountId, String username) implements Notifiable {

		@Override
		public List<Long> recipientAccounts() {
			return List.of(accountId);
		}

		@Override
		public String messageKey() {
			return "notice.passwordReset";
		}

		@Override
		public String link() {
			return "/account/password";
		}
	}
}
