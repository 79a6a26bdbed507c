package cn.kaowu.platform.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * The rules of rooms and invigilators as pure functions (DOMAIN.md §8): what a room must have, what may change in
 * which {@link RoomState}, the seats a site needs per subject, and how many invigilators a room needs.
 */
public final class RoomRules {

	/** A sane upper bound of 考位数: a room is one 机房, 教室 or 实训室. */
	public static final int MAX_SEATS = 200;

	/** Up to this many candidates a room has {@link #MIN_INVIGILATORS} invigilators. */
	public static final int SMALL_ROOM = 40;

	public static final int MIN_INVIGILATORS = 2;

	/** Above {@link #SMALL_ROOM}, at least one invigilator per this many candidates (1:20). */
	public static final int CANDIDATES_PER_INVIGILATOR = 20;

	private RoomRules() {
	}

	/** A room's values, checked by {@link #check}. */
	public record Values(String name, String address, @Nullable String detailAddress, int seats,
			Set<Long> planSubjectIds) {
	}

	/**
	 * Checks the entered values (form, API or import row) against the plan's subjects; the field problems name the
	 * field, or the values when there are none.
	 */
	public static Values check(@Nullable String name, @Nullable String address, @Nullable String detailAddress,
			@Nullable Integer seats, @Nullable Collection<Long> planSubjectIds, Set<Long> subjectsOfPlan) {
		List<FieldProblem> problems = new ArrayList<>();
		String n = trim(name);
		String a = trim(address);
		String d = trim(detailAddress);
		if (n.isEmpty()) {
			problems.add(new FieldProblem("name", "room.name.required"));
		}
		else if (n.length() > 50) {
			problems.add(new FieldProblem("name", "room.name.tooLong", 50));
		}
		if (a.isEmpty()) {
			problems.add(new FieldProblem("address", "room.address.required"));
		}
		else if (a.length() > 100) {
			problems.add(new FieldProblem("address", "room.address.tooLong", 100));
		}
		if (d.length() > 200) {
			problems.add(new FieldProblem("detailAddress", "room.detailAddress.tooLong", 200));
		}
		if (seats == null) {
			problems.add(new FieldProblem("seats", "room.seats.required"));
		}
		else if (seats < 1 || seats > MAX_SEATS) {
			problems.add(new FieldProblem("seats", "room.seats.range", MAX_SEATS));
		}
		Set<Long> subjects = planSubjectIds == null ? Set.of()
				: Set.copyOf(planSubjectIds.stream().filter(Objects::nonNull).toList());
		if (subjects.isEmpty()) {
			problems.add(new FieldProblem("subjectIds", "room.subjects.required"));
		}
		else if (!subjectsOfPlan.containsAll(subjects)) {
			problems.add(new FieldProblem("subjectIds", "room.subjects.notInPlan"));
		}
		if (!problems.isEmpty()) {
			throw new cn.kaowu.platform.kernel.InvalidInputProblem(problems);
		}
		return new Values(n, a, d.isEmpty() ? null : d, Objects.requireNonNull(seats), subjects);
	}

	/**
	 * What the state allows of a change from {@code current} to {@code next}: before scheduling anything; while
	 * scheduling only the seat count, and only upwards (equal is no change); after scheduling nothing (409).
	 * Returns the refused fields, empty when the change is allowed.
	 */
	public static List<FieldProblem> editProblems(RoomState state, Values current, Values next) {
		if (state == RoomState.ENDED) {
			throw new DomainException(HttpStatus.CONFLICT, "room.error.ended");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (state == RoomState.NOT_SCHEDULED) {
			return problems;
		}
		lock(problems, "name", !current.name().equals(next.name()));
		lock(problems, "address", !current.address().equals(next.address()));
		lock(problems, "detailAddress", !Objects.equals(current.detailAddress(), next.detailAddress()));
		lock(problems, "subjectIds", !current.planSubjectIds().equals(next.planSubjectIds()));
		if (next.seats() < current.seats()) {
			problems.add(new FieldProblem("seats", "room.seats.noDecrease", current.seats(), next.seats()));
		}
		return problems;
	}

	private static void lock(List<FieldProblem> problems, String field, boolean changed) {
		if (changed) {
			problems.add(new FieldProblem(field, "room.locked.scheduling", label(field)));
		}
	}

	/** The Chinese (or English) name of a field, resolved where the message is rendered. */
	static DefaultMessageSourceResolvable label(String field) {
		return new DefaultMessageSourceResolvable(new String[] { "room.field." + field }, field);
	}

	/** Only a room that is not yet scheduled may be deleted. */
	public static void requireDeletable(RoomState state) {
		if (state != RoomState.NOT_SCHEDULED) {
			throw new DomainException(HttpStatus.CONFLICT, "room.error.notDeletable",
					new DefaultMessageSourceResolvable(new String[] { state.messageKey() }, state.name()));
		}
	}

	/** Invigilators a room of {@code candidates} needs: 2 up to 40, then at least one per 20 (rounded up). */
	public static int invigilatorsRequired(int candidates) {
		if (candidates <= SMALL_ROOM) {
			return MIN_INVIGILATORS;
		}
		return (candidates + CANDIDATES_PER_INVIGILATOR - 1) / CANDIDATES_PER_INVIGILATOR;
	}

	/**
	 * The capacity check per plan subject: registrations (missing = 0) against the seats of the rooms serving the
	 * subject, in the order of {@code labels} (plan subject id → label).
	 */
	public static List<SubjectCoverage> coverage(Map<Long, String> labels, Collection<RoomView> rooms,
			Map<Long, Integer> demand) {
		return labels.entrySet()
			.stream()
			.map(e -> new SubjectCoverage(e.getKey(), e.getValue(), demand.getOrDefault(e.getKey(), 0),
					rooms.stream().filter(r -> r.serves(e.getKey())).mapToInt(RoomView::seats).sum()))
			.toList();
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.strip();
	}
}
