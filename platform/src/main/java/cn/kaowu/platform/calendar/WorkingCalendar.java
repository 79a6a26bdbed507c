package cn.kaowu.platform.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The platform's working-day calendar: reads are served from an in-memory snapshot (the table is tiny and
 * changes a few times a year), reloaded after every committed change. The administrator maintains the days.
 */
@Service
public class WorkingCalendar {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	private final AtomicReference<WorkingDays> snapshot = new AtomicReference<>();

	WorkingCalendar(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public WorkingDays workingDays() {
		WorkingDays days = snapshot.get();
		if (days == null) {
			Map<LocalDate, DayKind> exceptions = new HashMap<>();
			jdbc.sql("SELECT day, kind FROM calendar_day")
				.query((rs, n) -> exceptions.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2))))
				.list();
			days = new WorkingDays(exceptions);
			snapshot.set(days);
		}
		return days;
	}

	public boolean isWorkingDay(LocalDate day) {
		return workingDays().isWorkingDay(day);
	}

	public LocalDate plusWorkingDays(LocalDate day, int n) {
		return workingDays().plusWorkingDays(day, n);
	}

	/**
	 * The moment a deadline of {@code n} working days counted from {@code start} passes: the end of the
	 * {@code n}th working day after the start's (Beijing) date.
	 */
	public Instant deadline(Instant start, int n) {
		LocalDate startDay = LocalDate.ofInstant(start, AdjustableClock.CHINA);
		return plusWorkingDays(startDay, n).plusDays(1).atStartOfDay(AdjustableClock.CHINA).toInstant();
	}

	/** Whether the year's arrangement has been entered completely. */
	public boolean isComplete(int year) {
		return jdbc.sql("SELECT count(*) FROM calendar_year WHERE year = ?").param(year).query(Integer.class).single() > 0;
	}

	public @Nullable String sourceOf(int year) {
		return jdbc.sql("SELECT source FROM calendar_year WHERE year = ?").param(year).query(String.class).optional()
			.orElse(null);
	}

	/** Years the calendar should know now: this year, and next year from November on (when it is published). */
	public List<Integer> yearsDue() {
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		return today.getMonthValue() >= 11 ? List.of(today.getYear(), today.getYear() + 1) : List.of(today.getYear());
	}

	@Transactional(readOnly = true)
	public List<CalendarDay> days(int year) {
		return jdbc.sql("SELECT day, kind, name FROM calendar_day WHERE day BETWEEN ? AND ? ORDER BY day")
			.params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
			.query((rs, n) -> new CalendarDay(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	@Transactional
	public CalendarDay setDay(Scope scope, LocalDate day, DayKind kind, String name) {
		scope.requireAdmin();
		String label = name == null ? "" : name.trim();
		if (label.isEmpty() || label.length() > 50) {
			throw new InvalidInputProblem("name", "calendar.name.required");
		}
		var before = jdbc.sql("SELECT kind FROM calendar_day WHERE day = ?").param(Date.valueOf(day)).query(String.class)
			.optional();
		jdbc.sql("""
				INSERT INTO calendar_day (day, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
				  updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(Date.valueOf(day), kind.name(), label, Timestamp.from(clock.instant()), scope.username())
			.update();
		audit.record(scope, AuditRecord.of("calendar.set", "CalendarDay", day, before.orElse(null), kind, label, null));
		reloadAfterCommit();
		return new CalendarDay(day, kind, label);
	}

	@Transactional
	public void removeDay(Scope scope, LocalDate day) {
		scope.requireAdmin();
		String kind = jdbc.sql("SELECT kind FROM calendar_day WHERE day = ?").param(Date.valueOf(day)).query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundProblem("日历日期", day));
		jdbc.sql("DELETE FROM calendar_day WHERE day = ?").param(Date.valueOf(day)).update();
		audit.record(scope, AuditRecord.of("calendar.remove", "CalendarDay", day, kind, null, null, null));
		reloadAfterCommit();
	}

	@Transactional
	public void markComplete(Scope scope, int year, String source) {
		scope.requireAdmin();
		String text = source == null ? "" : source.trim();
		if (text.isEmpty() || text.length() > 200) {
			throw new InvalidInputProblem("source", "calendar.source.required");
		}
		jdbc.sql("""
				INSERT INTO calendar_year (year, source, entered_at) VALUES (?, ?, ?)
				ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, entered_at = EXCLUDED.entered_at""")
			.params(year, text, Timestamp.from(clock.instant()))
			.update();
		audit.record(scope, AuditRecord.of("calendar.complete", "CalendarYear", year, null, "COMPLETE", text, null));
	}

	private void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					snapshot.set(null);
				}
			});
		}
		else {
			snapshot.set(null);
		}
	}

}
