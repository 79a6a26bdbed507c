package cn.kaowu.platform.candidate;

import org.jspecify.annotations.Nullable;

/** Add/edit form and API body of one candidate; texts as in the template (性别 男/女 or MALE/FEMALE). */
public class CandidateForm {

	private @Nullable String name;

	private @Nullable String pinyin;

	private @Nullable String gender;

	private @Nullable String idType;

	private @Nullable String idNumber;

	private @Nullable String phone;

	private @Nullable String enrolmentYear;

	private @Nullable String educationLevel;

	private @Nullable String majorName;

	private @Nullable String majorCode;

	private @Nullable CandidateKind kind;

	private @Nullable Integer version;

	public static CandidateForm of(String name, String pinyin, String gender, String idType, String idNumber,
			String phone, int year, String level, String major, String code) {
		CandidateForm f = new CandidateForm();
		f.name = name;
		f.pinyin = pinyin;
		f.gender = gender;
		f.idType = idType;
		f.idNumber = idNumber;
		f.phone = phone;
		f.enrolmentYear = String.valueOf(year);
		f.educationLevel = level;
		f.majorName = major;
		f.majorCode = code;
		return f;
	}

	CandidateRules.Input input() {
		return new CandidateRules.Input(s(name), s(pinyin), s(gender), s(idType), s(idNumber), s(phone),
				s(enrolmentYear), s(educationLevel), s(majorName), s(majorCode));
	}

	private static String s(@Nullable String v) {
		return v == null ? "" : v;
	}

	// @formatter:off
	public @Nullable String getName() { return name; }
	public void setName(@Nullable String v) { name = v; }
	public @Nullable String getPinyin() { return pinyin; }
	public void setPinyin(@Nullable String v) { pinyin = v; }
	public @Nullable String getGender() { return gender; }
	public void setGender(@Nullable String v) { gender = v; }
	public @Nullable String getIdType() { return idType; }
	public void setIdType(@Nullable String v) { idType = v; }
	public @Nullable String getIdNumber() { return idNumber; }
	public void setIdNumber(@Nullable String v) { idNumber = v; }
	public @Nullable String getPhone() { return phone; }
	public void setPhone(@Nullable String v) { phone = v; }
	public @Nullable String getEnrolmentYear() { return enrolmentYear; }
	public void setEnrolmentYear(@Nullable String v) { enrolmentYear = v; }
	public @Nullable String getEducationLevel() { return educationLevel; }
	public void setEducationLevel(@Nullable String v) { educationLevel = v; }
	public @Nullable String getMajorName() { return majorName; }
	public void setMajorName(@Nullable String v) { majorName = v; }
	public @Nullable String getMajorCode() { return majorCode; }
	public void setMajorCode(@Nullable String v) { majorCode = v; }
	public @Nullable CandidateKind getKind() { return kind; }
	public void setKind(@Nullable CandidateKind v) { kind = v; }
	public @Nullable Integer getVersion() { return version; }
	public void setVersion(@Nullable Integer v) { version = v; }
	// @formatter:on
}
