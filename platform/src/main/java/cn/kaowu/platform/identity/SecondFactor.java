package cn.kaowu.platform.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.kaowu.exampackage.Sm3;
import cn.kaowu.exampackage.Sm4Gcm;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.KeyFiles;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 两步验证: the TOTP secret of an account (SM4-GCM under {@code kaowu.identity.totp-key-file}, the account id as
 * associated data), its ten one-time recovery codes (SM3 hashes), replay protection (a step is accepted once, never
 * an older one) and the administrator's reset. Required for {@link #required(Role) ORG, PROVINCE and ADMIN}.
 * <p>
 * Codes are checked against the real time ({@link Clock#systemUTC()}), not the platform's adjustable clock: the
 * authenticator app on the phone knows only the real time, and the demo profile moves the platform clock.
 */
@Service
public class SecondFactor {

	public static final int RECOVERY_CODES = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final Clock realTime = Clock.systemUTC();

	private final byte[] key;

	SecondFactor(JdbcClient jdbc, AuditLog audit, Clock clock,
			@Value("${kaowu.identity.totp-key-file:${kaowu.delivery.key-dir:./data/keys}/totp.key}") Path keyFile) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.key = KeyFiles.loadOrCreate(keyFile, Sm4Gcm.KEY_LENGTH, Sm4Gcm::generateKey);
	}

	/** Whether accounts of this role must pass a second factor after the password. */
	public static boolean required(Role role) {
		return role == Role.ORG || role == Role.PROVINCE || role == Role.ADMIN;
	}

	public boolean enrolled(long accountId) {
		return jdbc.sql("SELECT count(*) FROM account_totp WHERE account_id = ?").param(accountId).query(Long.class)
			.single() > 0;
	}

	/**
	 * Confirms an enrolment with the first code from the app: stores the secret and returns the recovery codes (shown
	 * once).
	 *
	 * @throws InvalidInputProblem on field {@code code} when the code does not match the secret
	 */
	@Transactional
	public List<String> enrol(long accountId, String base32Secret, String code) {
		Optional<Long> step = matchingStep(base32Secret, normalise(code), 0);
		if (step.isEmpty()) {
			throw new InvalidInputProblem("code", "totp.badCode");
		}
		store(accountId, base32Secret, step.get());
		List<String> codes = newRecoveryCodes(accountId);
		audit.record(Scope.system(), AuditRecord.of("account.totp.enrol", "Account", accountId, null, "TOTP",
				"启用两步验证", organisationOf(accountId)));
		return codes;
	}

	/** The demo's fixed, published secret (never in production: the demo profile only). */
	public void enrolFixed(long accountId, String base32Secret) {
		if (!enrolled(accountId)) {
			store(accountId, base32Secret, 0);
		}
	}

	/** The administrator's reset: the account enrols again at its next login. Audited. */
	@Transactional
	public void reset(Scope admin, long accountId) {
		int removed = jdbc.sql("DELETE FROM account_totp WHERE account_id = ?").param(accountId).update();
		jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(accountId).update();
		audit.record(admin, AuditRecord.of("account.totp.reset", "Account", accountId, removed > 0 ? "TOTP" : "NONE",
				"NONE", "管理员重置两步验证", organisationOf(accountId)));
	}

	/**
	 * A 6-digit code of the current step ±1 newer than the last accepted one, or an unused recovery code; an accepted
	 * one is used up. Runs in the caller's transaction (the login, which holds the account row).
	 */
	boolean verify(long accountId, String code) {
		String given = normalise(code);
		if (given.matches("\\d{6}")) {
			var row = jdbc.sql("SELECT secret_enc, last_step FROM account_totp WHERE account_id = ? FOR UPDATE")
				.param(accountId)
				.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getLong(2) })
				.optional();
			if (row.isEmpty()) {
				return false;
			}
			String secret = new String(Sm4Gcm.decrypt(key, (byte[]) row.get()[0], aad(accountId)),
					StandardCharsets.US_ASCII);
			Optional<Long> step = matchingStep(secret, given, (Long) row.get()[1]);
			step.ifPresent(s -> jdbc.sql("UPDATE account_totp SET last_step = ? WHERE account_id = ?")
				.params(s, accountId)
				.update());
			return step.isPresent();
		}
		String recovery = given.toUpperCase(Locale.ROOT).replace("-", "");
		if (!recovery.matches("[A-Z0-9]{10}")) {
			return false;
		}
		return jdbc
			.sql("UPDATE account_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(Timestamp.from(clock.instant()), accountId, recoveryHash(accountId, recovery))
			.update() > 0;
	}

	private Optional<Long> matchingStep(String secret, String code, long lastStep) {
		long now = Totp.step(realTime.instant());
		for (long s = now - 1; s <= now + 1; s++) {
			if (s > lastStep && java.security.MessageDigest.isEqual(Totp.code(secret, s).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	private void store(long accountId, String base32Secret, long step) {
		byte[] sealed = Sm4Gcm.encrypt(key, base32Secret.getBytes(StandardCharsets.US_ASCII), aad(accountId));
		jdbc.sql("""
				INSERT INTO account_totp (account_id, secret_enc, enrolled_at, last_step) VALUES (?, ?, ?, ?)
				ON CONFLICT (account_id) DO UPDATE SET secret_enc = EXCLUDED.secret_enc,
				    enrolled_at = EXCLUDED.enrolled_at, last_step = EXCLUDED.last_step""")
			.params(accountId, sealed, Timestamp.from(clock.instant()), step)
			.update();
	}

	private List<String> newRecoveryCodes(long accountId) {
		jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int j = 0; j < 10; j++) {
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash) VALUES (?, ?)")
				.params(accountId, recoveryHash(accountId, code.toString()))
				.update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	private static String recoveryHash(long accountId, String code) {
		return Sm3.hexDigest("kaowu-recovery:" + accountId + ":" + code);
	}

	private static String normalise(String code) {
		return code == null ? "" : code.strip().replace(" ", "");
	}

	private static byte[] aad(long accountId) {
		return ByteBuffer.allocate(8).putLong(accountId).array();
	}

	private Long organisationOf(long accountId) {
		List<Object> ids = jdbc.sql("SELECT organisation_id FROM account WHERE id = ?").param(accountId)
			.query((rs, n) -> rs.getObject(1))
			.list();
		return ids.isEmpty() ? null : (Long) ids.get(0);
	}
}
