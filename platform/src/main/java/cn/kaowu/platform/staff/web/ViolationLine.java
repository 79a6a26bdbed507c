package cn.kaowu.platform.staff.web;

import java.util.List;

import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.staff.StaffViolation;

/** A violation as the page shows it: severity and the text in the reader's language (public for the templates). */
public record ViolationLine(StaffViolation.Severity severity, StaffViolation.Rule rule, String text) {

	public boolean error() {
		return severity == StaffViolation.Severity.ERROR;
	}

	static List<ViolationLine> of(List<StaffViolation> violations, ProblemMessages messages) {
		return violations.stream()
			.map(v -> new ViolationLine(v.severity(), v.rule(), messages.text(v.messageKey(), v.argArray())))
			.toList();
	}
}
