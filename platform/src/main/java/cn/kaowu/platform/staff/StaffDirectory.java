package cn.kaowu.platform.staff;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For other modules (rooms, scheduling): people of the staff database by id and a college's active invigilators,
 * masked as in {@link StaffView}. Reads are unscoped — the caller has already checked its own scope.
 */
@Component
public class StaffDirectory {

	private final StaffMembers members;

	StaffDirectory(StaffMembers members) {
		this.members = members;
	}

	@Transactional(readOnly = true)
	public Optional<StaffView> find(long staffId) {
		return members.find(staffId).map(StaffMembers.Row::view);
	}

	@Transactional(readOnly = true)
	public List<StaffView> byIds(Collection<Long> staffIds) {
		return members.byIds(staffIds).stream().map(StaffMembers.Row::view).toList();
	}

	/** The ID numbers of the close relatives each person declared (for conflict checks; never shown). */
	@Transactional(readOnly = true)
	public java.util.Map<Long, java.util.Set<String>> relativeIdNumbers(Collection<Long> staffIds) {
		java.util.Map<Long, java.util.Set<String>> map = new java.util.HashMap<>();
		members.relatives(staffIds)
			.forEach(r -> map.computeIfAbsent(r.staffId(), k -> new java.util.HashSet<>()).add(r.idNumber()));
		return map;
	}

	/** The active people of the college with the role {@link StaffRole#INVIGILATOR} (监考员), by id. */
	@Transactional(readOnly = true)
	public List<StaffView> invigilatorsOf(long collegeId) {
		return members.ofCollege(collegeId)
			.stream()
			.filter(r -> r.active() && r.role() == StaffRole.INVIGILATOR)
			.map(StaffMembers.Row::view)
			.toList();
	}
}
