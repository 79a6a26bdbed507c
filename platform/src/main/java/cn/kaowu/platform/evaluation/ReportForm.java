package cn.kaowu.platform.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A site's self-evaluation report and its plan for the next period. */
public class ReportForm {

	@NotBlank(message = "{evaluation.report.required}")
	@Size(max = 20000, message = "{evaluation.text.size}")
	private @Nullable String reportText;

	@NotBlank(message = "{evaluation.plan.required}")
	@Size(max = 20000, message = "{evaluation.text.size}")
	private @Nullable String planText;

	public @Nullable String getReportText() {
		return reportText;
	}

	public void setReportText(@Nullable String reportText) {
		this.reportText = reportText;
	}

	public @Nullable String getPlanText() {
		return planText;
	}

	public void setPlanText(@Nullable String planText) {
		this.planText = planText;
	}
}
