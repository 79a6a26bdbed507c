package cn.kaowu.platform.evaluation;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The ORG's rating of one site. */
public class RatingForm {

	@NotNull(message = "{evaluation.outcome.required}")
	private @Nullable EvaluationOutcome outcome;

	@Size(max = 2000, message = "{evaluation.comment.size}")
	private @Nullable String comment;

	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private @Nullable LocalDate rectificationDeadline;

	public @Nullable EvaluationOutcome getOutcome() {
		return outcome;
	}

	public void setOutcome(@Nullable EvaluationOutcome outcome) {
		this.outcome = outcome;
	}

	public @Nullable String getComment() {
		return comment;
	}

	public void setComment(@Nullable String comment) {
		this.comment = comment;
	}

	public @Nullable LocalDate getRectificationDeadline() {
		return rectificationDeadline;
	}

	public void setRectificationDeadline(@Nullable LocalDate rectificationDeadline) {
		this.rectificationDeadline = rectificationDeadline;
	}
}
