package cn.kaowu.platform.catalog;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam fee standards (收费标准, 004 ch.3 §9): per province and level, in yuan per candidate. A province sets
 * its own (the administrator may set any); every account reads them. Where a province has set none the
 * default applies: 初级 380 元, 中级/高级 360 元 ({@link CertificateLevel#defaultFee()}). Amounts are stored in
 * fen. A save replaces the three amounts as given (last write wins; each row's version still counts its
 * changes).
 */
@Service
public class FeeStandards {

	private final JdbcClient jdbc;

	private final OrganisationManagement organisations;

	private final AuditLog audit;

	private final Clock clock;

	FeeStandards(JdbcClient jdbc, OrganisationManagement organisations, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the scope may set the fee standard of a province: that province's own accounts, or the administrator. */
	public static boolean canEdit(@Nullable Scope scope, long provinceId) {
		if (scope == null) {
			return false;
		}
		return scope.isAdmin() || (scope.role() == Role.PROVINCE && scope.provinceId() != null
				&& scope.provinceId() == provinceId);
	}

	/** The fee of a level in a province: the province's standard, or the default. */
	@Transactional(readOnly = true)
	public EffectiveFee feeFor(long provinceId, CertificateLevel level) {
		return stored(provinceId).getOrDefault(level, EffectiveFee.byDefault(provinceId, level));
	}

	@Transactional(readOnly = true)
	public ProvinceFees feesOf(Scope scope, long provinceId) {
		Objects.requireNonNull(scope);
		return feesOf(province(provinceId));
	}

	/** Every province with its fees, ordered by province code. */
	@Transactional(readOnly = true)
	public PageResult<ProvinceFees> list(Scope scope, PageQuery page) {
		Objects.requireNonNull(scope);
		List<OrganisationView> provinces = organisations.listByType(OrganisationType.PROVINCE, null);
		List<ProvinceFees> items = provinces.stream()
			.skip(page.offset())
			.limit(page.size())
			.map(this::feesOf)
			.toList();
		return PageResult.of(items, page, provinces.size());
	}

	/** Sets the three amounts of a province; an empty amount removes that level's standard. */
	@Transactional
	public ProvinceFees setFees(Scope scope, long provinceId, FeeForm form) {
		OrganisationView province = province(provinceId);
		if (!canEdit(scope, provinceId)) {
			throw new AccessDeniedProblem(scope.role() == Role.PROVINCE ? "catalog.fee.error.otherProvince"
					: "catalog.fee.error.provinceOnly");
		}
		Map<CertificateLevel, Long> fen = new EnumMap<>(CertificateLevel.class);
		List<FieldProblem> problems = new ArrayList<>();
		for (CertificateLevel level : CertificateLevel.values()) {
			BigDecimal amount = form.amount(level);
			if (amount == null) {
				continue;
			}
			if (amount.signum() < 0 || amount.compareTo(new BigDecimal("99999.99")) > 0) {
				problems.add(new FieldProblem(FeeForm.field(level), "catalog.fee.amount.range"));
			}
			else if (amount.stripTrailingZeros().scale() > 2) {
				problems.add(new FieldProblem(FeeForm.field(level), "catalog.fee.amount.digits"));
			}
			else {
				fen.put(level, amount.movePointRight(2).longValueExact());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		Map<CertificateLevel, EffectiveFee> before = stored(provinceId);
		var now = Timestamp.from(clock.instant());
		for (CertificateLevel level : CertificateLevel.values()) {
			EffectiveFee old = before.get(level);
			Long amount = fen.get(level);
			String entityId = provinceId + ":" + level;
			if (amount == null && old != null) {
				jdbc.sql("DELETE FROM catalog_fee_standard WHERE province_id = ? AND level = ?")
					.params(provinceId, level.name())
					.update();
				audit.record(scope, AuditRecord.of("catalog.fee.reset", "FeeStandard", entityId, old.amount(),
						"DEFAULT " + level.defaultFee(), province.name() + " " + level.label(), provinceId));
			}
			else if (amount != null && (old == null || toFen(old.amount()) != amount)) {
				jdbc.sql("""
						INSERT INTO catalog_fee_standard (province_id, level, amount_fen, updated_at, updated_by)
						VALUES (?, ?, ?, ?, ?)
						ON CONFLICT (province_id, level) DO UPDATE SET amount_fen = EXCLUDED.amount_fen,
						  updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by,
						  version = catalog_fee_standard.version + 1""")
					.params(provinceId, level.name(), amount, now, scope.username())
					.update();
				audit.record(scope, AuditRecord.of("catalog.fee.set", "FeeStandard", entityId,
						old == null ? "DEFAULT " + level.defaultFee() : old.amount(), yuan(amount),
						province.name() + " " + level.label(), provinceId));
			}
		}
		return feesOf(province);
	}

	private ProvinceFees feesOf(OrganisationView province) {
		Map<CertificateLevel, EffectiveFee> stored = stored(province.id());
		List<EffectiveFee> fees = new ArrayList<>();
		for (CertificateLevel level : CertificateLevel.values()) {
			fees.add(stored.getOrDefault(level, EffectiveFee.byDefault(province.id(), level)));
		}
		return new ProvinceFees(province.id(), province.name(), fees);
	}

	private Map<CertificateLevel, EffectiveFee> stored(long provinceId) {
		Map<CertificateLevel, EffectiveFee> fees = new EnumMap<>(CertificateLevel.class);
		jdbc.sql("SELECT level, amount_fen FROM catalog_fee_standard WHERE province_id = ?")
			.param(provinceId)
			.query((rs, n) -> new EffectiveFee(provinceId, CertificateLevel.valueOf(rs.getString(1)),
					yuan(rs.getLong(2)), false))
			.list()
			.forEach(f -> fees.put(f.level(), f));
		return fees;
	}

	private OrganisationView province(long provinceId) {
		return organisations.find(provinceId)
			.filter(o -> o.type() == OrganisationType.PROVINCE)
			.orElseThrow(() -> new NotFoundProblem("省份", provinceId));
	}

	/** Whole yuan without decimals (380), otherwise two decimals (380.50). */
	static BigDecimal yuan(long fen) {
		return fen % 100 == 0 ? BigDecimal.valueOf(fen / 100) : BigDecimal.valueOf(fen, 2);
	}

	static long toFen(BigDecimal yuan) {
		return yuan.movePointRight(2).longValueExact();
	}
}
