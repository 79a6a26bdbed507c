package cn.kaowu.platform.evaluation;

import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Opening an evaluation round. */
public class RoundForm {

	@NotNull(message = "{evaluation.certificate.required}")
	private @Nullable Long certificateId;

	@NotBlank(message = "{evaluation.name.required}")
	@Size(max = 100, message = "{evaluation.name.size}")
	private @Nullable String name;

	@NotBlank(message = "{evaluation.period.required}")
	@Pattern(regexp = "\\d{4}-\\d{4}", message = "{evaluation.period.pattern}")
	private @Nullable String period;

	@NotNull(message = "{evaluation.deadline.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
	private @Nullable LocalDateTime deadline;

	public @Nullable Long getCertificateId() {
		return certificateId;
	}

	public void setCertificateId(@Nullable Long certificateId) {
		this.certificateId = certificateId;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getPeriod() {
		return period;
	}

	public void setPeriod(@Nullable String period) {
		this.period = period;
	}

	public @Nullable LocalDateTime getDeadline() {
		return deadline;
	}

	public void setDeadline(@Nullable LocalDateTime deadline) {
		this.deadline = deadline;
	}
}
