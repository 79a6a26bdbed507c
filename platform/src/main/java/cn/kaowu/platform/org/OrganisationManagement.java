package cn.kaowu.platform.org;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provinces, cities, ORGs and colleges. The administrator manages them; everyone else reads what their
 * scope allows: provinces and ORGs are public to every account, a college sees itself, a province the
 * organisations inside it.
 */
@Service
public class OrganisationManagement {

	private static final String SELECT_LIST = "SELECT o.*, p.name AS province_name, c.name AS city_name";

	private static final String FROM = """
			FROM organisation o LEFT JOIN organisation p ON p.id = o.province_id
			LEFT JOIN organisation c ON c.id = o.city_id""";

	private static final String SELECT = SELECT_LIST + " " + FROM;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	OrganisationManagement(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Filter of the organisation list. */
	public record Filter(@Nullable OrganisationType type, @Nullable String keyword, @Nullable Long provinceId) {

		public static Filter none() {
			return new Filter(null, null, null);
		}
	}

	@Transactional
	public OrganisationView create(Scope scope, OrganisationForm form) {
		scope.requireAdmin();
		Location location = validate(form);
		var now = Timestamp.from(clock.instant());
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO organisation (type, name, code, province_id, city_id, contact_name, contact_phone,
					  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(form.getType().name(), form.getName().trim(), form.getCode().trim(), location.provinceId(),
						location.cityId(), blankToNull(form.getContactName()), blankToNull(form.getContactPhone()), now,
						now)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw duplicate(e);
		}
		audit.record(scope, AuditRecord.of("org.create", "Organisation", id, null, "ENABLED",
				form.getType() + " " + form.getName(), id));
		return get(scope, id);
	}

	@Transactional
	public OrganisationView update(Scope scope, long id, OrganisationForm form) {
		scope.requireAdmin();
		OrganisationView current = get(scope, id);
		if (form.getType() != current.type()) {
			throw new InvalidInputProblem("type", "org.type.immutable");
		}
		Location location = validate(form);
		int updated;
		try {
			updated = jdbc.sql("""
					UPDATE organisation SET name = ?, code = ?, province_id = ?, city_id = ?, contact_name = ?,
					  contact_phone = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?""")
				.params(form.getName().trim(), form.getCode().trim(), location.provinceId(), location.cityId(),
						blankToNull(form.getContactName()), blankToNull(form.getContactPhone()),
						Timestamp.from(clock.instant()), id,
						form.getVersion() == null ? current.version() : form.getVersion())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw duplicate(e);
		}
		if (updated == 0) {
			throw new OptimisticLockingFailureException("organisation " + id);
		}
		audit.record(scope, AuditRecord.of("org.update", "Organisation", id, null, null,
				current.name() + " → " + form.getName(), id));
		return get(scope, id);
	}

	@Transactional
	public OrganisationView setEnabled(Scope scope, long id, boolean enabled) {
		scope.requireAdmin();
		OrganisationView current = get(scope, id);
		if (current.enabled() != enabled) {
			jdbc.sql("UPDATE organisation SET enabled = ?, updated_at = ?, version = version + 1 WHERE id = ?")
				.params(enabled, Timestamp.from(clock.instant()), id)
				.update();
			audit.record(scope, AuditRecord.of(enabled ? "org.enable" : "org.disable", "Organisation", id,
					current.enabled() ? "ENABLED" : "DISABLED", enabled ? "ENABLED" : "DISABLED", null, id));
		}
		return get(scope, id);
	}

	/** The organisation if the scope may see it; otherwise not found, the same as a wrong id. */
	@Transactional(readOnly = true)
	public OrganisationView get(Scope scope, long id) {
		return find(id).filter(o -> visible(scope, o)).orElseThrow(() -> new NotFoundProblem("机构", id));
	}

	/** For internal use by other modules (login, background jobs): no scope check. */
	@Transactional(readOnly = true)
	public Optional<OrganisationView> find(long id) {
		return jdbc.sql(SELECT + " WHERE o.id = ?").param(id).query(MAPPER).optional();
	}

	@Transactional(readOnly = true)
	public Optional<OrganisationView> findByCode(String code) {
		return jdbc.sql(SELECT + " WHERE o.code = ?").param(code).query(MAPPER).optional();
	}

	@Transactional(readOnly = true)
	public PageResult<OrganisationView> list(Scope scope, Filter filter, PageQuery page) {
		Where where = Where.start();
		if (!scope.isAdmin()) {
			// Provinces and ORGs are public; the rest by scope.
			long own = scope.organisationId() == null ? -1L : scope.organisationId();
			switch (scope.role()) {
				case PROVINCE -> where.and("o.type IN ('PROVINCE','ORG') OR o.id = ? OR o.province_id = ?", own,
						scope.provinceId());
				case CITY -> where.and("o.type IN ('PROVINCE','ORG') OR o.id = ? OR o.city_id = ?", own, scope.cityId());
				default -> where.and("o.type IN ('PROVINCE','ORG') OR o.id = ?", own);
			}
		}
		where.andIf(filter.type(), "o.type = ?").andLike(filter.keyword(), "o.name", "o.code");
		if (filter.provinceId() != null) {
			where.and("o.province_id = ? OR o.id = ?", filter.provinceId(), filter.provinceId());
		}
		return where.page(jdbc, SELECT_LIST, FROM, "o.type, o.code", page, MAPPER);
	}

	/** All organisations of a type, for choosers (provinces, cities of a province, ORGs). */
	@Transactional(readOnly = true)
	public List<OrganisationView> listByType(OrganisationType type, @Nullable Long provinceId) {
		if (provinceId == null) {
			return jdbc.sql(SELECT + " WHERE o.type = ? ORDER BY o.code").param(type.name()).query(MAPPER).list();
		}
		return jdbc.sql(SELECT + " WHERE o.type = ? AND o.province_id = ? ORDER BY o.code")
			.params(type.name(), provinceId)
			.query(MAPPER)
			.list();
	}

	/** Every enabled organisation, for choosers in administration forms. */
	@Transactional(readOnly = true)
	public List<OrganisationView> choices() {
		return jdbc.sql(SELECT + " WHERE o.enabled ORDER BY o.type, o.code").query(MAPPER).list();
	}

	static boolean visible(Scope scope, OrganisationView o) {
		return o.type() == OrganisationType.PROVINCE || o.type() == OrganisationType.ORG
				|| scope.canSee(o.id(), o.provinceId(), o.cityId());
	}

	private record Location(@Nullable Long provinceId, @Nullable Long cityId) {
	}

	private Location validate(OrganisationForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		Long provinceId = form.getProvinceId();
		Long cityId = form.getCityId();
		switch (form.getType()) {
			case PROVINCE, ORG -> {
				provinceId = null;
				cityId = null;
			}
			case CITY, COLLEGE -> {
				if (provinceId == null || find(provinceId).filter(p -> p.type() == OrganisationType.PROVINCE)
					.isEmpty()) {
					problems.add(new FieldProblem("provinceId", "org.province.required"));
				}
				if (form.getType() == OrganisationType.CITY) {
					cityId = null;
				}
				else if (cityId != null) {
					Long p = provinceId;
					if (find(cityId).filter(c -> c.type() == OrganisationType.CITY && c.provinceId() != null
							&& c.provinceId().equals(p)).isEmpty()) {
						problems.add(new FieldProblem("cityId", "org.city.notInProvince"));
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new Location(provinceId, cityId);
	}

	private static InvalidInputProblem duplicate(DuplicateKeyException e) {
		String message = String.valueOf(e.getMessage());
		return message.contains("code") ? new InvalidInputProblem("code", "org.code.duplicate")
				: new InvalidInputProblem("name", "org.name.duplicate");
	}


	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static final RowMapper<OrganisationView> MAPPER = (rs, n) -> new OrganisationView(rs.getLong("id"),
			OrganisationType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("code"),
			(Long) rs.getObject("province_id"), rs.getString("province_name"), (Long) rs.getObject("city_id"),
			rs.getString("city_name"), rs.getString("contact_name"), rs.getString("contact_phone"),
			rs.getBoolean("enabled"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
}
