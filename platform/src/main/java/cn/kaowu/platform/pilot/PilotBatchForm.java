package cn.kaowu.platform.pilot;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** Input of a batch (申报批次): page form and REST body. Checked by {@link PilotManagement}. */
public class PilotBatchForm {

	private @Nullable String name;

	private @Nullable Integer year;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime windowStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime windowEnd;

	private boolean majorsRequired;

	private boolean cityApprovalRequired;

	private @Nullable Integer version;

	public static PilotBatchForm of(String name, int year, LocalDateTime start, LocalDateTime end,
			boolean majorsRequired, boolean cityApprovalRequired) {
		PilotBatchForm form = new PilotBatchForm();
		form.setName(name);
		form.setYear(year);
		form.setWindowStart(start);
		form.setWindowEnd(end);
		form.setMajorsRequired(majorsRequired);
		form.setCityApprovalRequired(cityApprovalRequired);
		return form;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Integer getYear() {
		return year;
	}

	public void setYear(@Nullable Integer year) {
		this.year = year;
	}

	public @Nullable LocalDateTime getWindowStart() {
		return windowStart;
	}

	public void setWindowStart(@Nullable LocalDateTime windowStart) {
		this.windowStart = windowStart;
	}

	public @Nullable LocalDateTime getWindowEnd() {
		return windowEnd;
	}

	public void setWindowEnd(@Nullable LocalDateTime windowEnd) {
		this.windowEnd = windowEnd;
	}

	public boolean isMajorsRequired() {
		return majorsRequired;
	}

	public void setMajorsRequired(boolean majorsRequired) {
		this.majorsRequired = majorsRequired;
	}

	public boolean isCityApprovalRequired() {
		return cityApprovalRequired;
	}

	public void setCityApprovalRequired(boolean cityApprovalRequired) {
		this.cityApprovalRequired = cityApprovalRequired;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
