package cn.kaowu.platform.schedule;

import java.time.LocalDate;

/**
 * 准考证号, 16 digits, one per candidate and plan, the same on the theory and the practice record:
 *
 * <pre>
 *   yyMM      PPPPP       SSS        NNNN
 *   first     plan        site in    candidate in the site
 *   exam      (id mod     the plan   (by level, first slot, room, seat)
 *   month     100000)     (by code)
 * </pre>
 *
 * Unique nationally: two plans never share the plan part while plan ids stay below 100,000, a site has one number in
 * a plan, a candidate one number in a site. The candidate's initial exam password is the last 6 digits
 * (DOMAIN.md §9).
 */
final class TicketNumbers {

	static final int LENGTH = 16;

	static final int MAX_SITES = 999;

	static final int MAX_CANDIDATES_PER_SITE = 9999;

	private TicketNumbers() {
	}

	static String of(LocalDate firstExam, long planId, int siteNumber, int candidateNumber) {
		if (siteNumber < 1 || siteNumber > MAX_SITES || candidateNumber < 1 || candidateNumber > MAX_CANDIDATES_PER_SITE) {
			throw new IllegalArgumentException("site " + siteNumber + " / candidate " + candidateNumber);
		}
		return String.format("%02d%02d%05d%03d%04d", firstExam.getYear() % 100, firstExam.getMonthValue(),
				planId % 100_000, siteNumber, candidateNumber);
	}

	static String initialPassword(String ticketNumber) {
		return ticketNumber.substring(ticketNumber.length() - 6);
	}
}
