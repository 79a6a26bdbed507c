package cn.kaowu.platform.pilot;

import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.catalog.CertificateLevel;
import org.jspecify.annotations.Nullable;

/**
 * Input of a pilot application: page form and REST body. Rows of {@link #getMajors()} with neither name nor
 * code are ignored. Attachments travel separately (multipart).
 */
public class PilotApplicationForm {

	private @Nullable Long batchId;

	private @Nullable Long certificateId;

	private List<CertificateLevel> levels = new ArrayList<>();

	private List<MajorForm> majors = new ArrayList<>();

	private @Nullable Integer plannedTrainees;

	private @Nullable String teacherDescription;

	private @Nullable String facilityDescription;

	private @Nullable Integer version;

	public @Nullable Long getBatchId() {
		return batchId;
	}

	public void setBatchId(@Nullable Long batchId) {
		this.batchId = batchId;
	}

	public @Nullable Long getCertificateId() {
		return certificateId;
	}

	public void setCertificateId(@Nullable Long certificateId) {
		this.certificateId = certificateId;
	}

	public List<CertificateLevel> getLevels() {
		return levels;
	}

	public void setLevels(@Nullable List<CertificateLevel> levels) {
		this.levels = levels == null ? new ArrayList<>() : new ArrayList<>(levels);
	}

	public List<MajorForm> getMajors() {
		return majors;
	}

	public void setMajors(@Nullable List<MajorForm> majors) {
		this.majors = majors == null ? new ArrayList<>() : new ArrayList<>(majors);
	}

	public @Nullable Integer getPlannedTrainees() {
		return plannedTrainees;
	}

	public void setPlannedTrainees(@Nullable Integer plannedTrainees) {
		this.plannedTrainees = plannedTrainees;
	}

	public @Nullable String getTeacherDescription() {
		return teacherDescription;
	}

	public void setTeacherDescription(@Nullable String teacherDescription) {
		this.teacherDescription = teacherDescription;
	}

	public @Nullable String getFacilityDescription() {
		return facilityDescription;
	}

	public void setFacilityDescription(@Nullable String facilityDescription) {
		this.facilityDescription = facilityDescription;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
