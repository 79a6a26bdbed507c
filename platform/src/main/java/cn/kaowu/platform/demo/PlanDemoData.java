package cn.kaowu.platform.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.plan.PlanForm;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectForm;
import cn.kaowu.platform.plan.PlanSubjectsForm;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.plan.PlanWindow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two plans of hongke's 网店运营推广 for the current year: one published with registration open now (from 10
 * days ago to 20 days ahead), scheduling the week after, the exams on the Saturday after scheduling (初级 and
 * 中级, theory and practice as in the seed), then score registration and publication; and a draft for the
 * next exam. Skipped when hongke has plans.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class PlanDemoData implements DemoStep {

	private final PlanManagement plans;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	private final TransactionTemplate tx;

	private final Clock clock;

	PlanDemoData(PlanManagement plans, CatalogManagement catalog, OrganisationManagement organisations,
			AccountManagement accounts, TransactionTemplate tx, Clock clock) {
		this.plans = plans;
		this.catalog = catalog;
		this.organisations = organisations;
		this.accounts = accounts;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void run() {
		Scope org = scopeOf("hongke");
		if (plans.list(org, PlanManagement.PlanFilter.none(), PageQuery.of(1, 1)).total() > 0) {
			return;
		}
		CertificateView certificate = catalog
			.listCertificates(org, new CatalogManagement.CertificateFilter("网店运营推广", org.organisationId(), null),
					PageQuery.of(1, 1))
			.items()
			.getFirst();
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));

		LocalDate registrationEnd = today.plusDays(20);
		LocalDate examDay = registrationEnd.plusDays(8).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		tx.executeWithoutResult(status -> {
			PlanView plan = plans.create(org, PlanForm.of(today.getYear() + "年第二次网店运营推广全国统考", today.getYear(),
					certificate.id(), window(today.minusDays(10), registrationEnd),
					window(registrationEnd.plusDays(1), registrationEnd.plusDays(7)),
					window(examDay.plusDays(2), examDay.plusDays(15)), window(examDay.plusDays(16), examDay.plusDays(22))));
			plans.updateSubjects(org, plan.id(), PlanSubjectsForm.of(slots(certificate, examDay)));
			plans.publish(org, plan.id());
		});

		LocalDate nextStart = examDay.plusDays(30);
		LocalDate nextEnd = nextStart.plusDays(30);
		LocalDate nextExam = nextEnd.plusDays(8).with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		tx.executeWithoutResult(status -> {
			PlanView plan = plans.create(org, PlanForm.of(today.getYear() + "年第三次网店运营推广全国统考", today.getYear(),
					certificate.id(), window(nextStart, nextEnd), window(nextEnd.plusDays(1), nextEnd.plusDays(7)),
					window(nextExam.plusDays(2), nextExam.plusDays(15)),
					window(nextExam.plusDays(16), nextExam.plusDays(22))));
			plans.updateSubjects(org, plan.id(), PlanSubjectsForm.of(slots(certificate, nextExam)));
		});
	}

	/** 初级 in the afternoon and 中级 in the morning, theory then practice, as in the seed's plan table. */
	static List<PlanSubjectForm> slots(CertificateView certificate, LocalDate day) {
		List<PlanSubjectForm> rows = new ArrayList<>();
		for (LevelView level : certificate.levels()) {
			List<SubjectView> subjects = level.usableSubjects();
			if (subjects.size() < 2) {
				continue;
			}
			if (level.level() == CertificateLevel.JUNIOR) {
				rows.add(PlanSubjectForm.of(subjects.get(0).id(), day, LocalTime.of(14, 0), LocalTime.of(15, 0)));
				rows.add(PlanSubjectForm.of(subjects.get(1).id(), day, LocalTime.of(15, 30), LocalTime.of(17, 0)));
			}
			else if (level.level() == CertificateLevel.INTERMEDIATE) {
				rows.add(PlanSubjectForm.of(subjects.get(0).id(), day, LocalTime.of(8, 30), LocalTime.of(9, 30)));
				rows.add(PlanSubjectForm.of(subjects.get(1).id(), day, LocalTime.of(9, 45), LocalTime.of(11, 45)));
			}
		}
		return rows;
	}

	static PlanWindow window(LocalDate from, LocalDate to) {
		return new PlanWindow(from.atStartOfDay(), LocalDateTime.of(to, LocalTime.of(23, 59)));
	}

	private Scope scopeOf(String username) {
		return DemoScopes.of(accounts, organisations, username);
	}
}
