package cn.kaowu.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.kaowu.platform.identity.Totp;

/**
 * The test side's authenticator app: the TOTP secrets the login helpers ({@link WebSession}, {@link ApiClient},
 * {@link BrowserTestSupport}) enrolled, and the next code of each. The server accepts a step once and never an older
 * one, so codes are handed out in increasing steps within the ±1 window; only a fourth login of one account within
 * one 30-second step waits for the next step.
 */
public final class TotpCodes {

	private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

	private TotpCodes() {
	}

	public static void remember(String username, String base32Secret) {
		SECRETS.put(username, base32Secret.replace(" ", ""));
		LAST_STEP.remove(username);
	}

	public static Optional<String> secret(String username) {
		return Optional.ofNullable(SECRETS.get(username));
	}

	/** The next unused code of the account's secret. */
	public static synchronized String next(String username) {
		String secret = SECRETS.get(username);
		if (secret == null) {
			throw new IllegalStateException("no TOTP secret enrolled by the test helpers for " + username);
		}
		while (true) {
			Instant now = Instant.now();
			long step = Totp.step(now);
			long last = LAST_STEP.getOrDefault(username, Long.MIN_VALUE);
			// The previous step only early in the current one, so it is still inside the window when it arrives.
			long earliest = now.getEpochSecond() % Totp.STEP_SECONDS < 20 ? step - 1 : step;
			long chosen = Math.max(earliest, last + 1);
			if (chosen <= step + 1) {
				LAST_STEP.put(username, chosen);
				return Totp.code(secret, chosen);
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
