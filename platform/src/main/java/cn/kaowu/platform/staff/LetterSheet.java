package cn.kaowu.platform.staff;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The responsibility letters (考务工作人员责任书, 002 art.17 (四) 7: 每次考试前签订) of one exam: every person of
 * the college's staff database who is active or has signed, and whether they have signed.
 *
 * @param planId the exam plan, once the plan module exists
 */
public record LetterSheet(long examId, long collegeId, String examName, LocalDate examDate, @Nullable Long planId,
		List<Line> lines) {

	@JsonProperty
	public long signedCount() {
		return lines.stream().filter(Line::signed).count();
	}

	public long unsignedCount() {
		return lines.size() - signedCount();
	}

	/** A person and their letter, if signed. */
	public record Line(StaffView staff, @Nullable Long letterId, @Nullable LocalDate signedOn,
			@Nullable String fileName) {

		@JsonProperty
		public boolean signed() {
			return letterId != null;
		}
	}

	/** An exam in the list: name, date and how many have signed. */
	public record Exam(long id, String name, LocalDate examDate, long signed, long total) {
	}
}
