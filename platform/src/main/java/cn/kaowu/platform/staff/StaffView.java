package cn.kaowu.platform.staff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person of the staff database as lists, the API and other modules see them: the ID number and the phone
 * number are masked (e.g. {@code 370682********0635}, {@code 138****5678}); the full values are only in the
 * edit form of the college that owns the record.
 */
public record StaffView(long id, long collegeId, String name, Gender gender, String idNumberMasked,
		String phoneMasked, String department, StaffRole role, TrainingStatus trainingStatus,
		@Nullable LocalDate trainedOn, @Nullable String trainingCertificateNo, BigDecimal experienceYears,
		List<Major> majors, boolean active, int version) {

	/** Majors as one line, e.g. “电子商务(530701)、市场营销(530605)”. */
	public String majorsText() {
		return String.join("、", majors.stream().map(m -> m.name() + "(" + m.code() + ")").toList());
	}
}
