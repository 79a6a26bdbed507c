package cn.kaowu.platform.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import cn.kaowu.exampackage.Sm3;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a user name and password under the {@link LockoutPolicy} and turns an account into a
 * {@link KaowuUser}. Failed attempts are committed in their own transaction, so a failure is counted even
 * though the login is refused. Exception messages are message keys shown on the login page.
 */
@Service
class LoginService {

	static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final OrganisationManagement organisations;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	/** Hash compared against when the user name is unknown, so both cases take the same time. */
	private final String dummyHash;

	private final SecondFactor secondFactor;

	LoginService(JdbcClient jdbc, PasswordEncoder encoder, OrganisationManagement organisations, AuditLog audit,
			Clock clock, PlatformTransactionManager transactions, SecondFactor secondFactor) {
		this.jdbc = jdbc;
		this.secondFactor = secondFactor;
		this.encoder = encoder;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.dummyHash = encoder.encode("kaowu-dummy-password-1A!");
	}

	private record Row(long id, String username, String displayName, String passwordHash, Role role,
			@Nullable Long organisationId, boolean enabled, boolean mustChange, int failedAttempts,
			@Nullable Instant lockedUntil) {
	}

	private static final RowMapper<Row> ROWS = (rs, n) -> new Row(rs.getLong("id"), rs.getString("username"),
			rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
			(Long) rs.getObject("organisation_id"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
			rs.getInt("failed_attempts"),
			rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant());

	private sealed interface Outcome {
	}

	private record Success(KaowuUser user) implements Outcome {
	}

	private record Failure(RuntimeException error) implements Outcome {
	}

	/**
	 * The password step. For accounts that need a {@link SecondFactor} the failures are not reset here but only
	 * after the code ({@link #completeSecondFactor}), so wrong codes add up across password logins.
	 *
	 * @param remoteAddr the client's address (see {@link LoginAddress}); over {@value LockoutPolicy#MAX_IP_FAILURES}
	 *     failures from it in {@link LockoutPolicy#IP_WINDOW} refuse with {@code login.ipLimited}
	 */
	KaowuUser authenticate(String username, String password, @Nullable String remoteAddr) {
		refuseIfIpLimited(remoteAddr);
		// The outcome leaves the transaction as a value: throwing inside it would roll back the counted failure.
		Outcome outcome = tx.execute(status -> attempt(username, password, remoteAddr, false));
		return settle(outcome, remoteAddr);
	}

	/**
	 * The second step for {@link SecondFactor#required} accounts: a TOTP or recovery code. A wrong code counts like a
	 * wrong password (lockout after 5, per-IP limit).
	 */
	KaowuUser completeSecondFactor(long accountId, String code, @Nullable String remoteAddr) {
		refuseIfIpLimited(remoteAddr);
		Outcome outcome = tx.execute(status -> secondFactorAttempt(accountId, code, remoteAddr));
		return settle(outcome, remoteAddr);
	}

	/** The login right after the enrolment, whose first code was the second factor. */
	KaowuUser completeAfterEnrolment(long accountId) {
		Outcome outcome = tx.execute(status -> succeeded(
				jdbc.sql("SELECT * FROM account WHERE id = ? FOR UPDATE").param(accountId).query(ROWS).single(),
				clock.instant()));
		return settle(outcome, null);
	}

	private KaowuUser settle(Outcome outcome, @Nullable String remoteAddr) {
		return switch (outcome) {
			case Success s -> s.user();
			case Failure f -> {
				if (remoteAddr != null && !(f.error() instanceof DisabledException)) {
					jdbc.sql("INSERT INTO login_ip_failure (remote_addr, failed_at) VALUES (?, ?)")
						.params(remoteAddr, Timestamp.from(clock.instant()))
						.update();
				}
				throw f.error();
			}
		};
	}

	private void refuseIfIpLimited(@Nullable String remoteAddr) {
		if (remoteAddr == null) {
			return;
		}
		long failures = jdbc.sql("SELECT count(*) FROM login_ip_failure WHERE remote_addr = ? AND failed_at > ?")
			.params(remoteAddr, Timestamp.from(clock.instant().minus(LockoutPolicy.IP_WINDOW)))
			.query(Long.class)
			.single();
		if (failures >= LockoutPolicy.MAX_IP_FAILURES) {
			throw new LockedException(IP_LIMITED);
		}
	}

	static final String IP_LIMITED = "login.ipLimited";

	private Outcome secondFactorAttempt(long accountId, String code, @Nullable String remoteAddr) {
		Instant now = clock.instant();
		Optional<Row> found = jdbc.sql("SELECT * FROM account WHERE id = ? FOR UPDATE").param(accountId).query(ROWS)
			.optional();
		if (found.isEmpty()) {
			return new Failure(new BadCredentialsException("login.badCredentials"));
		}
		Row account = found.get();
		Optional<Outcome> gate = gate(account, now, remoteAddr);
		if (gate.isPresent()) {
			return gate.get();
		}
		boolean matches = secondFactor.verify(accountId, code);
		recordAttempt(account.id(), now, matches, remoteAddr);
		if (!matches) {
			return failed(account, now, "login.badTotp");
		}
		return succeeded(account, now);
	}

	private Optional<Outcome> gate(Row account, Instant now, @Nullable String remoteAddr) {
		// Every try counts, except a right signature: an ORG confirming 60,000 certificates in batches of 100 signs 600
		// times, and a right password is no guess (found by bench/run simulation). Wrong ones count, and lock after 5.
		long lastHour = jdbc.sql("""
				SELECT count(*) FROM login_attempt WHERE account_id = ? AND attempted_at > ?
				  AND (NOT success OR remote_addr IS DISTINCT FROM 'signature')""")
			.params(account.id(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		return switch (LockoutPolicy.gate(now, account.lockedUntil(), lastHour)) {
			case LockoutPolicy.Locked locked -> {
				recordAttempt(account.id(), now, false, remoteAddr);
				yield Optional.of(new Failure(new LockedException("login.locked")));
			}
			case LockoutPolicy.HourlyLimit limit -> Optional.of(new Failure(new LockedException("login.hourlyLimit")));
			case LockoutPolicy.Open open -> Optional.empty();
		};
	}

	private Outcome failed(Row account, Instant now, String key) {
		var after = LockoutPolicy.afterFailure(now, account.failedAttempts());
		jdbc.sql("UPDATE account SET failed_attempts = ?, locked_until = ? WHERE id = ?")
			.params(after.failedAttempts(), after.lockedUntil() == null ? null : Timestamp.from(after.lockedUntil()),
					account.id())
			.update();
		if (after.lockedNow()) {
			audit.record(Scope.system(), AuditRecord.of("account.lock", "Account", account.id(), "ENABLED", "LOCKED",
					"连续 " + LockoutPolicy.MAX_FAILURES + " 次登录失败", account.organisationId()));
			return new Failure(new LockedException("login.lockedNow"));
		}
		return new Failure(new BadCredentialsException(key));
	}

	private Outcome succeeded(Row account, Instant now) {
		Optional<OrganisationView> organisation = account.organisationId() == null ? Optional.empty()
				: organisations.find(account.organisationId());
		if (!account.enabled() || organisation.map(o -> !o.enabled()).orElse(false)) {
			return new Failure(new DisabledException("login.disabled"));
		}
		jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
			.params(Timestamp.from(now), account.id())
			.update();
		return new Success(toUser(account, organisation.orElse(null)));
	}

	/**
	 * A re-entered password as an in-app signature (证书确认): counted exactly like a login attempt — a wrong one adds to
	 * the failures that lock the account after 5, in its own transaction so the caller's rollback cannot undo it.
	 *
	 * @throws cn.kaowu.platform.kernel.InvalidInputProblem on field {@code password} when the account is locked
	 */
	boolean reauthenticate(long accountId, String password) {
		Optional<String> username = jdbc.sql("SELECT username FROM account WHERE id = ?").param(accountId)
			.query(String.class).optional();
		if (username.isEmpty()) {
			return false;
		}
		Outcome outcome = tx.execute(status -> attempt(username.get(), password, "signature", true));
		if (outcome instanceof Failure f && f.error() instanceof LockedException locked) {
			String key = String.valueOf(locked.getMessage());
			throw key.equals("login.hourlyLimit") ? new cn.kaowu.platform.kernel.InvalidInputProblem("password", key)
					: new cn.kaowu.platform.kernel.InvalidInputProblem("password", key, LockoutPolicy.LOCK_DURATION.toMinutes());
		}
		return outcome instanceof Success;
	}

	private Outcome attempt(String username, String password, @Nullable String remoteAddr, boolean signature) {
		Instant now = clock.instant();
		Optional<Row> found = jdbc.sql("SELECT * FROM account WHERE username = ? FOR UPDATE")
			.param(username)
			.query(ROWS)
			.optional();
		if (found.isEmpty()) {
			encoder.matches(password, dummyHash);
			return new Failure(new BadCredentialsException("login.badCredentials"));
		}
		Row account = found.get();
		Optional<Outcome> gate = gate(account, now, remoteAddr);
		if (gate.isPresent()) {
			return gate.get();
		}
		boolean matches = encoder.matches(password, account.passwordHash());
		recordAttempt(account.id(), now, matches, remoteAddr);
		if (!matches) {
			return failed(account, now, "login.badCredentials");
		}
		if (!signature && SecondFactor.required(account.role())) {
			// Half way: the failures are reset once the code is right too.
			Optional<OrganisationView> organisation = account.organisationId() == null ? Optional.empty()
					: organisations.find(account.organisationId());
			if (!account.enabled() || organisation.map(o -> !o.enabled()).orElse(false)) {
				return new Failure(new DisabledException("login.disabled"));
			}
			return new Success(toUser(account, organisation.orElse(null)));
		}
		return succeeded(account, now);
	}

	private void recordAttempt(long accountId, Instant now, boolean success, @Nullable String remoteAddr) {
		jdbc.sql("INSERT INTO login_attempt (account_id, attempted_at, success, remote_addr) VALUES (?, ?, ?, ?)")
			.params(accountId, Timestamp.from(now), success, remoteAddr)
			.update();
	}

	private static KaowuUser toUser(Row account, @Nullable OrganisationView organisation) {
		Long provinceId = null;
		Long cityId = null;
		if (organisation != null) {
			provinceId = organisation.type() == OrganisationType.PROVINCE ? Long.valueOf(organisation.id())
					: organisation.provinceId();
			cityId = organisation.type() == OrganisationType.CITY ? Long.valueOf(organisation.id())
					: organisation.cityId();
		}
		Scope scope = new Scope(account.id(), account.username(), account.role(), account.organisationId(), provinceId,
				cityId);
		return new KaowuUser(scope, account.displayName(), organisation == null ? "" : organisation.name(),
				account.mustChange());
	}

	/** Issues an API token after a successful login; only its SM3 hash is stored. */
	String issueToken(KaowuUser user) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "kw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO api_token (account_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(user.scope().accountId(), Sm3.hexDigest(token), Timestamp.from(now),
					Timestamp.from(now.plus(TOKEN_LIFETIME)))
			.update();
		return token;
	}

	/** The user behind a valid, unexpired token of an enabled account. */
	Optional<KaowuUser> resolveToken(String token) {
		Instant now = clock.instant();
		Optional<Long> accountId = jdbc.sql("SELECT account_id FROM api_token WHERE token_hash = ? AND expires_at > ?")
			.params(Sm3.hexDigest(token), Timestamp.from(now))
			.query(Long.class)
			.optional();
		return accountId.flatMap(this::loadUser);
	}

	/** Reloads a user (after a password change, or for a token), if still enabled and unlocked. */
	Optional<KaowuUser> loadUser(long accountId) {
		return jdbc.sql("SELECT * FROM account WHERE id = ?")
			.param(accountId)
			.query(ROWS)
			.optional()
			.filter(Row::enabled)
			.filter(r -> r.lockedUntil() == null || !clock.instant().isBefore(r.lockedUntil()))
			.map(r -> toUser(r, r.organisationId() == null ? null : organisations.find(r.organisationId()).orElse(null)));
	}
}
