package cn.kaowu.platform.staff;

import java.util.List;

/**
 * A breach of a staffing or committee rule of a site. The message key (bundle {@code i18n/staff}) with its
 * arguments names the person or group and the rule's source; resolve it with a message source.
 *
 * @param severity {@code ERROR} breaks a rule of the seeds; {@code WARNING} should be fixed before the exam
 * @param rule which rule, stable for programs
 * @param messageKey the text
 * @param args its arguments (strings, numbers or message resolvables)
 */
public record StaffViolation(Severity severity, Rule rule, String messageKey, List<Object> args) {

	public StaffViolation {
		args = List.copyOf(args);
	}

	static StaffViolation error(Rule rule, String messageKey, Object... args) {
		return new StaffViolation(Severity.ERROR, rule, messageKey, List.of(args));
	}

	static StaffViolation warning(Rule rule, String messageKey, Object... args) {
		return new StaffViolation(Severity.WARNING, rule, messageKey, List.of(args));
	}

	public Object[] argArray() {
		return args.toArray();
	}

	/** How serious a violation is. */
	public enum Severity {
		/** Breaks a rule of the seeds. */
		ERROR,
		/** Should be fixed before the exam. */
		WARNING
	}

	/** The rules, each with the seed passage it comes from. */
	public enum Rule {
		/** At least 5 active staff (002 art.17 (一)). */
		STAFF_COUNT,
		/** 1 site head, ≥ 2 exam managers, ≥ 1 technical support, ≥ 1 logistics (002 art.17 (一)). */
		STAFF_ROLES,
		/** Every group has members and one leader (000 §1.3). */
		GROUP_LEADER,
		/** Leader experience: 1 year (考评/考务), 2 years (技术/巡视/仲裁) (000 §1.3). */
		LEADER_EXPERIENCE,
		/** Arbitration group odd-sized, at most 5 (000 §1.3 5.(2) c.). */
		ARBITRATION_SIZE,
		/** Patrol and arbitration members external to the site's college (000 §1.3 4.(2) c., 5.(2) d.). */
		EXTERNAL_MEMBER,
		/** Staff with a close relative sitting the exam step aside (000 ch.2 二、2.(6)). */
		RELATIVE_CANDIDATE,
		/** Invigilators and graders trained before they work (002 art.17 (四) 6; 000 §1.3). */
		TRAINING,
		/** A deactivated person still sits in the committee. */
		INACTIVE_MEMBER
	}
}
