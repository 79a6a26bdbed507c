package cn.kaowu.platform.plan;

import java.time.LocalDate;
import java.time.LocalTime;

import cn.kaowu.platform.catalog.ExamMode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One subject row of a plan: a catalogue subject with the plan's code, mode, pass mark and exam slot. Rows with
 * {@code included} false (unticked on the page) are ignored; the REST API may leave it out.
 */
public class PlanSubjectForm {

	private @Nullable Long subjectId;

	private boolean included = true;

	private @Nullable String code;

	private @Nullable ExamMode examMode;

	private @Nullable Integer passMark;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate examDate;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime startTime;

	@DateTimeFormat(pattern = "HH:mm")
	private @Nullable LocalTime endTime;

	/** A row for a subject in the plan with its slot; code, mode and pass mark default to the catalogue's. */
	public static PlanSubjectForm of(long subjectId, LocalDate examDate, LocalTime startTime, LocalTime endTime) {
		PlanSubjectForm form = new PlanSubjectForm();
		form.setSubjectId(subjectId);
		form.setExamDate(examDate);
		form.setStartTime(startTime);
		form.setEndTime(endTime);
		return form;
	}

	public @Nullable Long getSubjectId() {
		return subjectId;
	}

	public void setSubjectId(@Nullable Long subjectId) {
		this.subjectId = subjectId;
	}

	public boolean isIncluded() {
		return included;
	}

	public void setIncluded(boolean included) {
		this.included = included;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable ExamMode getExamMode() {
		return examMode;
	}

	public void setExamMode(@Nullable ExamMode examMode) {
		this.examMode = examMode;
	}

	public @Nullable Integer getPassMark() {
		return passMark;
	}

	public void setPassMark(@Nullable Integer passMark) {
		this.passMark = passMark;
	}

	public @Nullable LocalDate getExamDate() {
		return examDate;
	}

	public void setExamDate(@Nullable LocalDate examDate) {
		this.examDate = examDate;
	}

	public @Nullable LocalTime getStartTime() {
		return startTime;
	}

	public void setStartTime(@Nullable LocalTime startTime) {
		this.startTime = startTime;
	}

	public @Nullable LocalTime getEndTime() {
		return endTime;
	}

	public void setEndTime(@Nullable LocalTime endTime) {
		this.endTime = endTime;
	}
}
