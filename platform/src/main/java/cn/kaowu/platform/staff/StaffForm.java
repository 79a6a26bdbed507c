package cn.kaowu.platform.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Input to add or change a person of the staff database (page form and REST API). Every rule is checked by
 * {@link StaffManagement}, which names each field at fault. The page edits the majors as text, one per line
 * (“电子商务 530701”); the API sends them as a list.
 */
public class StaffForm {

	private @Nullable String name;

	private @Nullable Gender gender;

	private @Nullable String idNumber;

	private @Nullable String phone;

	private @Nullable String department;

	private @Nullable StaffRole role;

	private @Nullable TrainingStatus trainingStatus;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate trainedOn;

	private @Nullable String trainingCertificateNo;

	private @Nullable BigDecimal experienceYears;

	private List<Major> majors = new ArrayList<>();

	private @Nullable Boolean active;

	private @Nullable Integer version;

	/** A form filled with every value; the demo data and tests use it. */
	public static StaffForm of(String name, Gender gender, String idNumber, String phone, String department,
			StaffRole role, TrainingStatus trainingStatus, @Nullable LocalDate trainedOn, BigDecimal experienceYears) {
		StaffForm form = new StaffForm();
		form.setName(name);
		form.setGender(gender);
		form.setIdNumber(idNumber);
		form.setPhone(phone);
		form.setDepartment(department);
		form.setRole(role);
		form.setTrainingStatus(trainingStatus);
		form.setTrainedOn(trainedOn);
		form.setExperienceYears(experienceYears);
		return form;
	}

	/** The majors as the page's text area shows them: one per line, name and code separated by a space. */
	public String getMajorsText() {
		return String.join("\n", majors.stream().map(m -> m.name() + " " + m.code()).toList());
	}

	/** Reads the text area: the last word of a line is the code, the rest the name. */
	public void setMajorsText(@Nullable String text) {
		List<Major> parsed = new ArrayList<>();
		if (text != null) {
			for (String line : text.split("\\R")) {
				String l = line.trim().replace('\u3000', ' ');
				if (l.isEmpty()) {
					continue;
				}
				int space = l.lastIndexOf(' ');
				parsed.add(space < 0 ? new Major(l, "") : new Major(l.substring(0, space).trim(), l.substring(space + 1)));
			}
		}
		this.majors = parsed;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Gender getGender() {
		return gender;
	}

	public void setGender(@Nullable Gender gender) {
		this.gender = gender;
	}

	public @Nullable String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(@Nullable String idNumber) {
		this.idNumber = idNumber;
	}

	public @Nullable String getPhone() {
		return phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable String getDepartment() {
		return department;
	}

	public void setDepartment(@Nullable String department) {
		this.department = department;
	}

	public @Nullable StaffRole getRole() {
		return role;
	}

	public void setRole(@Nullable StaffRole role) {
		this.role = role;
	}

	public @Nullable TrainingStatus getTrainingStatus() {
		return trainingStatus;
	}

	public void setTrainingStatus(@Nullable TrainingStatus trainingStatus) {
		this.trainingStatus = trainingStatus;
	}

	public @Nullable LocalDate getTrainedOn() {
		return trainedOn;
	}

	public void setTrainedOn(@Nullable LocalDate trainedOn) {
		this.trainedOn = trainedOn;
	}

	public @Nullable String getTrainingCertificateNo() {
		return trainingCertificateNo;
	}

	public void setTrainingCertificateNo(@Nullable String trainingCertificateNo) {
		this.trainingCertificateNo = trainingCertificateNo;
	}

	public @Nullable BigDecimal getExperienceYears() {
		return experienceYears;
	}

	public void setExperienceYears(@Nullable BigDecimal experienceYears) {
		this.experienceYears = experienceYears;
	}

	public List<Major> getMajors() {
		return majors;
	}

	public void setMajors(@Nullable List<Major> majors) {
		this.majors = majors == null ? new ArrayList<>() : new ArrayList<>(majors);
	}

	public @Nullable Boolean getActive() {
		return active;
	}

	public void setActive(@Nullable Boolean active) {
		this.active = active;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
