package cn.kaowu.platform.staff;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The exam committee (考核委员会) of a site with its five groups and the violations of the rules.
 *
 * @param certificateId with {@code collegeId} the site key, until the site module gives sites their own id
 */
public record CommitteeView(long id, long collegeId, String collegeName, long certificateId, String certificateName,
		List<Group> groups, List<StaffViolation> violations, int version) {

	public long errorCount() {
		return violations.stream().filter(v -> v.severity() == StaffViolation.Severity.ERROR).count();
	}

	public long warningCount() {
		return violations.stream().filter(v -> v.severity() == StaffViolation.Severity.WARNING).count();
	}

	/** One group with its members, the leader first. */
	public record Group(CommitteeGroup group, List<Member> members) {

		public boolean hasLeader() {
			return members.stream().anyMatch(Member::leader);
		}
	}

	/**
	 * A member: a person of the staff database ({@code staffId} set) or an external person.
	 *
	 * @param organisation the external person's organisation, or the college's name for staff
	 * @param years experience in years
	 */
	public record Member(long id, CommitteeGroup group, boolean leader, @Nullable Long staffId, String name,
			String organisation, BigDecimal years, boolean external, boolean orgAppointed, @Nullable StaffRole role,
			@Nullable TrainingStatus training) {
	}
}
