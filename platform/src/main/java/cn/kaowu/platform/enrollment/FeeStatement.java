package cn.kaowu.platform.enrollment;

import java.math.BigDecimal;
import java.util.List;

import cn.kaowu.platform.catalog.CertificateLevel;

/**
 * What a college owes for a plan (考试费用): candidates per level times the fee of its province's standard, or the
 * default (初级 380 元, 中级/高级 360 元) where the province has set none.
 *
 * @param usesDefault whether any line uses the default fee (then settled later by refund or top-up)
 */
public record FeeStatement(long planId, String planName, long collegeId, String collegeName, List<Line> lines,
		int candidates, BigDecimal total, boolean usesDefault) {

	/** One level: its candidates, the fee per candidate, the amount. */
	public record Line(CertificateLevel level, int candidates, BigDecimal fee, BigDecimal amount, boolean usesDefault) {
	}

	static FeeStatement of(long planId, String planName, long collegeId, String collegeName, List<Line> lines) {
		return new FeeStatement(planId, planName, collegeId, collegeName, lines,
				lines.stream().mapToInt(Line::candidates).sum(),
				lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
				lines.stream().anyMatch(l -> l.usesDefault() && l.candidates() > 0));
	}
}
