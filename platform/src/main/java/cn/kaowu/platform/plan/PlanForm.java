package cn.kaowu.platform.plan;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Input of a plan's header and windows (page form and REST body); checked by {@link PlanManagement}. Times are
 * Beijing time, to the minute; both ends of a window are inclusive.
 */
public class PlanForm {

	private @Nullable String name;

	private @Nullable Integer year;

	private @Nullable Long certificateId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime registrationStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime registrationEnd;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime schedulingStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime schedulingEnd;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime scoreRegistrationStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime scoreRegistrationEnd;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime publicationStart;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime publicationEnd;

	private @Nullable Integer version;

	public static PlanForm of(String name, int year, long certificateId, PlanWindow registration,
			PlanWindow scheduling, PlanWindow scoreRegistration, PlanWindow publication) {
		PlanForm form = new PlanForm();
		form.setName(name);
		form.setYear(year);
		form.setCertificateId(certificateId);
		form.setRegistrationStart(registration.start());
		form.setRegistrationEnd(registration.end());
		form.setSchedulingStart(scheduling.start());
		form.setSchedulingEnd(scheduling.end());
		form.setScoreRegistrationStart(scoreRegistration.start());
		form.setScoreRegistrationEnd(scoreRegistration.end());
		form.setPublicationStart(publication.start());
		form.setPublicationEnd(publication.end());
		return form;
	}

	/** The form of an existing plan, for editing. */
	public static PlanForm of(PlanView plan) {
		PlanForm form = of(plan.name(), plan.year(), plan.certificateId(), plan.registration(), plan.scheduling(),
				plan.scoreRegistration(), plan.publication());
		form.setVersion(plan.version());
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

	public @Nullable Long getCertificateId() {
		return certificateId;
	}

	public void setCertificateId(@Nullable Long certificateId) {
		this.certificateId = certificateId;
	}

	public @Nullable LocalDateTime getRegistrationStart() {
		return registrationStart;
	}

	public void setRegistrationStart(@Nullable LocalDateTime registrationStart) {
		this.registrationStart = registrationStart;
	}

	public @Nullable LocalDateTime getRegistrationEnd() {
		return registrationEnd;
	}

	public void setRegistrationEnd(@Nullable LocalDateTime registrationEnd) {
		this.registrationEnd = registrationEnd;
	}

	public @Nullable LocalDateTime getSchedulingStart() {
		return schedulingStart;
	}

	public void setSchedulingStart(@Nullable LocalDateTime schedulingStart) {
		this.schedulingStart = schedulingStart;
	}

	public @Nullable LocalDateTime getSchedulingEnd() {
		return schedulingEnd;
	}

	public void setSchedulingEnd(@Nullable LocalDateTime schedulingEnd) {
		this.schedulingEnd = schedulingEnd;
	}

	public @Nullable LocalDateTime getScoreRegistrationStart() {
		return scoreRegistrationStart;
	}

	public void setScoreRegistrationStart(@Nullable LocalDateTime scoreRegistrationStart) {
		this.scoreRegistrationStart = scoreRegistrationStart;
	}

	public @Nullable LocalDateTime getScoreRegistrationEnd() {
		return scoreRegistrationEnd;
	}

	public void setScoreRegistrationEnd(@Nullable LocalDateTime scoreRegistrationEnd) {
		this.scoreRegistrationEnd = scoreRegistrationEnd;
	}

	public @Nullable LocalDateTime getPublicationStart() {
		return publicationStart;
	}

	public void setPublicationStart(@Nullable LocalDateTime publicationStart) {
		this.publicationStart = publicationStart;
	}

	public @Nullable LocalDateTime getPublicationEnd() {
		return publicationEnd;
	}

	public void setPublicationEnd(@Nullable LocalDateTime publicationEnd) {
		this.publicationEnd = publicationEnd;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
