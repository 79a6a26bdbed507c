package cn.kaowu.platform.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts. The administrator creates them (each gets a generated initial password that must be changed
 * at first login), resets passwords, unlocks and disables them. Everybody changes their own password.
 * Non-administrators see only the accounts of their own organisation.
 */
@Service
public class AccountManagement {

	static final String SELECT = """
			SELECT a.*, o.name AS organisation_name FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final OrganisationManagement organisations;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final org.springframework.beans.factory.ObjectProvider<LoginService> logins;

	AccountManagement(JdbcClient jdbc, OrganisationManagement organisations, PasswordEncoder encoder,
			PasswordPolicy policy, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			org.springframework.beans.factory.ObjectProvider<LoginService> logins) {
		this.logins = logins;
		this.events = events;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new account and the initial password to hand over (shown once, never stored in clear). */
	public record CreatedAccount(AccountView account, String initialPassword) {
	}

	public record Filter(@Nullable Role role, @Nullable Long organisationId, @Nullable String keyword) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	@Transactional
	public CreatedAccount create(Scope scope, AccountForm form) {
		scope.requireAdmin();
		Long organisationId = validateRoleAndOrganisation(form.getRole(), form.getOrganisationId());
		String password = generatePassword();
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO account (username, display_name, password_hash, role, organisation_id, email,
					  must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?) RETURNING id""")
				.params(form.getUsername().trim(), form.getDisplayName().trim(), encoder.encode(password),
						form.getRole().name(), organisationId, blankToNull(form.getEmail()),
						Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw String.valueOf(e.getMessage()).contains("principal")
					? new InvalidInputProblem("role", "account.principal.duplicate")
					: new InvalidInputProblem("username", "account.username.duplicate");
		}
		audit.record(scope, AuditRecord.of("account.create", "Account", id, null, "ENABLED",
				form.getUsername() + " " + form.getRole(), organisationId));
		events.publishEvent(new AccountEvents.AccountCreated(id, form.getUsername(), form.getDisplayName()));
		return new CreatedAccount(get(scope, id), password);
	}

	/** Creates an account with a known password (demo data and tests); still validated against the policy. */
	@Transactional
	public AccountView createWithPassword(Scope scope, AccountForm form, String password, boolean mustChange) {
		scope.requireAdmin();
		List<String> violations = policy.violations(password, form.getUsername());
		if (!violations.isEmpty()) {
			throw new InvalidInputProblem("password", violations.getFirst());
		}
		CreatedAccount created = create(scope, form);
		jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = ? WHERE id = ?")
			.params(encoder.encode(password), mustChange, created.account().id())
			.update();
		return get(scope, created.account().id());
	}

	@Transactional
	public AccountView update(Scope scope, long id, AccountForm form) {
		scope.requireAdmin();
		AccountView current = get(scope, id);
		if (form.getRole() != current.role()) {
			throw new InvalidInputProblem("role", "account.role.immutable");
		}
		jdbc.sql("UPDATE account SET display_name = ?, email = ?, version = version + 1 WHERE id = ?")
			.params(form.getDisplayName().trim(), blankToNull(form.getEmail()), id)
			.update();
		audit.record(scope, AuditRecord.of("account.update", "Account", id, null, null, current.username(),
				current.organisationId()));
		return get(scope, id);
	}

	@Transactional
	public String resetPassword(Scope scope, long id) {
		scope.requireAdmin();
		AccountView account = get(scope, id);
		String password = generatePassword();
		jdbc.sql("""
				UPDATE account SET password_hash = ?, must_change_password = TRUE, failed_attempts = 0,
				  locked_until = NULL, version = version + 1 WHERE id = ?""")
			.params(encoder.encode(password), id)
			.update();
		audit.record(scope, AuditRecord.of("account.resetPassword", "Account", id, null, "MUST_CHANGE_PASSWORD",
				account.username(), account.organisationId()));
		events.publishEvent(new AccountEvents.PasswordReset(id, account.username()));
		return password;
	}

	@Transactional
	public AccountView unlock(Scope scope, long id) {
		scope.requireAdmin();
		AccountView account = get(scope, id);
		jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = ?")
			.param(id)
			.update();
		audit.record(scope, AuditRecord.of("account.unlock", "Account", id, "LOCKED", "ENABLED", account.username(),
				account.organisationId()));
		return get(scope, id);
	}

	@Transactional
	public AccountView setEnabled(Scope scope, long id, boolean enabled) {
		scope.requireAdmin();
		AccountView account = get(scope, id);
		if (scope.accountId() != null && scope.accountId() == id && !enabled) {
			throw new InvalidInputProblem("enabled", "account.disableSelf");
		}
		if (account.enabled() != enabled) {
			jdbc.sql("UPDATE account SET enabled = ?, version = version + 1 WHERE id = ?").params(enabled, id).update();
			audit.record(scope, AuditRecord.of(enabled ? "account.enable" : "account.disable", "Account", id,
					account.enabled() ? "ENABLED" : "DISABLED", enabled ? "ENABLED" : "DISABLED", account.username(),
					account.organisationId()));
		}
		return get(scope, id);
	}

	/** Enables or disables several accounts, all or none. */
	@Transactional
	public int setEnabled(Scope scope, List<Long> ids, boolean enabled) {
		ids.forEach(id -> setEnabled(scope, id, enabled));
		return ids.size();
	}

	/** Changes the caller's own password after checking the current one and the policy. */
	@Transactional
	public void changeOwnPassword(Scope scope, String currentPassword, String newPassword, String confirmation) {
		long id = Optional.ofNullable(scope.accountId()).orElseThrow(() -> new AccessDeniedProblem("error.notAuthenticated"));
		String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(id).query(String.class).single();
		List<FieldProblem> problems = new ArrayList<>();
		if (!encoder.matches(currentPassword, hash)) {
			problems.add(new FieldProblem("currentPassword", "password.currentWrong"));
		}
		if (!newPassword.equals(confirmation)) {
			problems.add(new FieldProblem("confirmation", "password.confirmationMismatch"));
		}
		if (newPassword.equals(currentPassword)) {
			problems.add(new FieldProblem("newPassword", "password.sameAsCurrent"));
		}
		policy.violations(newPassword, scope.username())
			.forEach(key -> problems.add(new FieldProblem("newPassword", key)));
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		jdbc.sql("""
				UPDATE account SET password_hash = ?, must_change_password = FALSE, password_changed_at = ?,
				  version = version + 1 WHERE id = ?""")
			.params(encoder.encode(newPassword), Timestamp.from(clock.instant()), id)
			.update();
		audit.record(scope, AuditRecord.of("account.changePassword", "Account", id, null, null, scope.username(),
				scope.organisationId()));
	}

	@Transactional(readOnly = true)
	public AccountView get(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE a.id = ?")
			.param(id)
			.query(MAPPER)
			.optional()
			.filter(a -> scope.isAdmin() || (a.organisationId() != null && a.organisationId().equals(scope.organisationId())))
			.orElseThrow(() -> new NotFoundProblem("账号", id));
	}

	/** An account by id, unscoped (for modules that check an account's role and organisation themselves). */
	@Transactional(readOnly = true)
	public Optional<AccountView> find(long id) {
		return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(MAPPER).optional();
	}

	/**
	 * Whether the password is the caller's own (a signature step: re-entered password before a binding act). Counts
	 * like a login attempt: five wrong ones lock the account ({@link LockoutPolicy}), and a locked account is refused
	 * on the {@code password} field.
	 */
	public boolean verifyOwnPassword(Scope scope, @Nullable String password) {
		if (scope.accountId() == null || password == null || password.isEmpty()) {
			return false;
		}
		return logins.getObject().reauthenticate(scope.accountId(), password);
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> findByUsername(String username) {
		return jdbc.sql(SELECT + " WHERE a.username = ?").param(username).query(MAPPER).optional();
	}

	@Transactional(readOnly = true)
	public PageResult<AccountView> list(Scope scope, Filter filter, PageQuery page) {
		Where where = Where.start();
		if (!scope.isAdmin()) {
			where.and("a.organisation_id = ?", scope.requireOrganisation());
		}
		return where.andIf(filter.role(), "a.role = ?")
			.andIf(filter.organisationId(), "a.organisation_id = ?")
			.andLike(filter.keyword(), "a.username", "a.display_name")
			.page(jdbc, "SELECT a.*, o.name AS organisation_name",
					"FROM account a LEFT JOIN organisation o ON o.id = a.organisation_id", "a.id", page, MAPPER);
	}

	/** An account that can be reached outside the platform. */
	public record Contact(long accountId, String email) {
	}

	/** Enabled accounts with an e-mail address among the given organisations' accounts and the given accounts. */
	@Transactional(readOnly = true)
	public List<Contact> contacts(List<Long> organisationIds, List<Long> accountIds) {
		if (organisationIds.isEmpty() && accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, email FROM account WHERE enabled AND email IS NOT NULL
				  AND (organisation_id = ANY (?) OR id = ANY (?)) ORDER BY id""")
			.params(organisationIds.toArray(Long[]::new), accountIds.toArray(Long[]::new))
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** Which organisation type each role belongs to; the administrator belongs to none. */
	static @Nullable OrganisationType organisationTypeOf(Role role) {
		return switch (role) {
			case ADMIN -> null;
			case PROVINCE -> OrganisationType.PROVINCE;
			case CITY -> OrganisationType.CITY;
			case ORG, PATROL, ARBITRATOR, GRADER -> OrganisationType.ORG;
			case COLLEGE_PRINCIPAL, COLLEGE_ADMIN, SITE_STAFF -> OrganisationType.COLLEGE;
		};
	}

	private @Nullable Long validateRoleAndOrganisation(Role role, @Nullable Long organisationId) {
		OrganisationType expected = organisationTypeOf(role);
		if (expected == null) {
			return null;
		}
		if (organisationId == null) {
			throw new InvalidInputProblem("organisationId", "account.organisation.required");
		}
		OrganisationView organisation = organisations.find(organisationId)
			.orElseThrow(() -> new InvalidInputProblem("organisationId", "account.organisation.required"));
		if (organisation.type() != expected) {
			throw new InvalidInputProblem("organisationId", "account.organisation.wrongType");
		}
		return organisationId;
	}

	/** A random password that satisfies the policy: letters of both cases, digits and a symbol. */
	static String generatePassword() {
		String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789",
				symbols = "@#%+=!";
		StringBuilder sb = new StringBuilder();
		for (String alphabet : List.of(upper, lower, lower, upper, lower, digits, digits, digits, symbols, lower,
				upper, digits)) {
			sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return sb.toString();
	}


	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static final RowMapper<AccountView> MAPPER = (rs, n) -> new AccountView(rs.getLong("id"), rs.getString("username"),
			rs.getString("display_name"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("organisation_id"),
			rs.getString("organisation_name"), rs.getString("email"), rs.getBoolean("enabled"),
			rs.getBoolean("must_change_password"),
			rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(),
			rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant(),
			rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
}
