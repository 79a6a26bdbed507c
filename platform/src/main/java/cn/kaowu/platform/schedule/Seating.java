package cn.kaowu.platform.schedule;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.kaowu.platform.room.RoomRules;

/**
 * The scheduling of one site, without a database: pure and deterministic, so a re-run on unchanged input gives the
 * same seats, numbers and duties.
 * <ol>
 * <li><b>Seats</b>, per subject slot: the slot's candidates are ordered by major, taking one of each major in turn
 * (each major in ID-number order), and fill the rooms serving the slot in room order, seat 1 upwards. So
 * neighbours are of different majors wherever the mix allows. Too few seats for a slot is a problem and the site is
 * not scheduled.</li>
 * <li><b>Candidate numbers</b> (the last part of the ticket): by level, then the candidate's first slot, room and
 * seat.</li>
 * <li><b>Invigilators</b>, slot by slot in time order, room by room: {@link RoomRules#invigilatorsRequired} of the
 * approved invigilators who are free at that time and have declared no relative among the room's candidates (never
 * broken). Among those, preferred in this order: not teaching a major of the room's candidates, not in this room in
 * its previous slot (rotation), another department than the ones already picked for the room, fewest duties so
 * far, then staff id. Too few is a problem reported with the room; the seats still stand.</li>
 * </ol>
 */
final class Seating {

	private Seating() {
	}

	record Candidate(long recordId, long candidateId, long planSubjectId, long levelId, String idNumber,
			String majorCode) {
	}

	record Room(long id, String name, int seats, Set<Long> planSubjectIds) {
	}

	record Slot(long planSubjectId, long levelId, Instant startsAt, Instant endsAt, String label) {
	}

	record Invigilator(long staffId, String name, String department, Set<String> majorsTaught,
			Set<String> relativeIdNumbers) {
	}

	record Seat(long recordId, long candidateId, long planSubjectId, long roomId, int seat) {
	}

	record Duty(long planSubjectId, long roomId, long staffId) {
	}

	/** {@code seats} problems stop the site; {@code invigilators} problems are warnings. */
	record Problem(boolean blocking, String messageKey, Object... args) {
	}

	record Result(List<Seat> seats, Map<Long, Integer> candidateNumbers, List<Duty> duties, List<Problem> problems) {

		boolean blocked() {
			return problems.stream().anyMatch(Problem::blocking);
		}
	}

	static Result site(List<Slot> slots, List<Room> rooms, List<Candidate> records, List<Invigilator> invigilators) {
		List<Slot> ordered = new ArrayList<>(slots);
		ordered.sort(Comparator.comparing(Slot::startsAt).thenComparingLong(Slot::planSubjectId));
		List<Room> roomOrder = new ArrayList<>(rooms);
		roomOrder.sort(Comparator.comparingLong(Room::id));
		Map<Long, List<Candidate>> bySlot = new HashMap<>();
		records.forEach(c -> bySlot.computeIfAbsent(c.planSubjectId(), k -> new ArrayList<>()).add(c));

		List<Seat> seats = new ArrayList<>(records.size());
		List<Problem> problems = new ArrayList<>();
		Map<Long, Map<Long, List<Candidate>>> roomsOfSlot = new LinkedHashMap<>();
		for (Slot slot : ordered) {
			List<Candidate> candidates = bySlot.getOrDefault(slot.planSubjectId(), List.of());
			if (candidates.isEmpty()) {
				continue;
			}
			List<Room> serving = roomOrder.stream().filter(r -> r.planSubjectIds().contains(slot.planSubjectId())).toList();
			int capacity = serving.stream().mapToInt(Room::seats).sum();
			if (capacity < candidates.size()) {
				problems.add(new Problem(true, "schedule.problem.seats", slot.label(), candidates.size(), capacity));
				continue;
			}
			Deque<Candidate> queue = new ArrayDeque<>(interleaveByMajor(candidates));
			Map<Long, List<Candidate>> inRooms = new LinkedHashMap<>();
			for (Room room : serving) {
				for (int seat = 1; seat <= room.seats() && !queue.isEmpty(); seat++) {
					Candidate c = queue.poll();
					seats.add(new Seat(c.recordId(), c.candidateId(), slot.planSubjectId(), room.id(), seat));
					inRooms.computeIfAbsent(room.id(), k -> new ArrayList<>()).add(c);
				}
			}
			roomsOfSlot.put(slot.planSubjectId(), inRooms);
		}
		if (problems.stream().anyMatch(Problem::blocking)) {
			return new Result(List.of(), Map.of(), List.of(), problems);
		}
		return new Result(seats, candidateNumbers(ordered, seats, records), duties(ordered, roomOrder, roomsOfSlot,
				invigilators, problems), problems);
	}

	/** One of each major in turn, majors in code order, each major in ID-number order. */
	static List<Candidate> interleaveByMajor(List<Candidate> candidates) {
		Map<String, Deque<Candidate>> byMajor = new TreeMap<>();
		candidates.stream()
			.sorted(Comparator.comparing(Candidate::idNumber).thenComparingLong(Candidate::recordId))
			.forEach(c -> byMajor.computeIfAbsent(c.majorCode(), k -> new ArrayDeque<>()).add(c));
		List<Candidate> out = new ArrayList<>(candidates.size());
		while (out.size() < candidates.size()) {
			for (Deque<Candidate> major : byMajor.values()) {
				if (!major.isEmpty()) {
					out.add(major.poll());
				}
			}
		}
		return out;
	}

	private static Map<Long, Integer> candidateNumbers(List<Slot> ordered, List<Seat> seats, List<Candidate> records) {
		Map<Long, Integer> slotIndex = new HashMap<>();
		Map<Long, Long> levelOfSlot = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			slotIndex.put(ordered.get(i).planSubjectId(), i);
			levelOfSlot.put(ordered.get(i).planSubjectId(), ordered.get(i).levelId());
		}
		Map<Long, Seat> first = new HashMap<>();
		for (Seat s : seats) {
			first.merge(s.candidateId(), s, (a, b) -> slotIndex.get(b.planSubjectId()) < slotIndex.get(a.planSubjectId()) ? b : a);
		}
		List<Seat> firsts = new ArrayList<>(first.values());
		firsts.sort(Comparator.comparingLong((Seat s) -> levelOfSlot.get(s.planSubjectId()))
			.thenComparingInt(s -> slotIndex.get(s.planSubjectId()))
			.thenComparingLong(Seat::roomId)
			.thenComparingInt(Seat::seat));
		Map<Long, Integer> numbers = new HashMap<>();
		for (int i = 0; i < firsts.size(); i++) {
			numbers.put(firsts.get(i).candidateId(), i + 1);
		}
		return numbers;
	}

	private static List<Duty> duties(List<Slot> ordered, List<Room> rooms, Map<Long, Map<Long, List<Candidate>>> roomsOfSlot,
			List<Invigilator> invigilators, List<Problem> problems) {
		Map<Long, Room> roomById = new HashMap<>();
		rooms.forEach(r -> roomById.put(r.id(), r));
		Map<Long, List<Slot>> busy = new HashMap<>();
		Map<Long, Integer> dutyCount = new HashMap<>();
		Map<Long, Set<Long>> previousInRoom = new HashMap<>();
		List<Duty> duties = new ArrayList<>();
		for (Slot slot : ordered) {
			Map<Long, List<Candidate>> inRooms = roomsOfSlot.get(slot.planSubjectId());
			if (inRooms == null) {
				continue;
			}
			for (Map.Entry<Long, List<Candidate>> e : inRooms.entrySet()) {
				long roomId = e.getKey();
				List<Candidate> candidates = e.getValue();
				int need = RoomRules.invigilatorsRequired(candidates.size());
				Set<String> majors = new HashSet<>();
				Set<String> ids = new HashSet<>();
				candidates.forEach(c -> {
					majors.add(c.majorCode());
					ids.add(c.idNumber());
				});
				Set<Long> previous = previousInRoom.getOrDefault(roomId, Set.of());
				List<Invigilator> free = new ArrayList<>();
				for (Invigilator i : invigilators) {
					boolean overlapping = busy.getOrDefault(i.staffId(), List.of())
						.stream()
						.anyMatch(b -> b.startsAt().isBefore(slot.endsAt()) && slot.startsAt().isBefore(b.endsAt()));
					boolean conflict = i.relativeIdNumbers().stream().anyMatch(ids::contains);
					if (!overlapping && !conflict) {
						free.add(i);
					}
				}
				List<Invigilator> picked = new ArrayList<>();
				Set<String> departments = new HashSet<>();
				while (picked.size() < need && !free.isEmpty()) {
					Invigilator best = free.stream()
						.min(Comparator.comparingInt((Invigilator i) -> i.majorsTaught().stream().anyMatch(majors::contains) ? 1 : 0)
							.thenComparingInt(i -> previous.contains(i.staffId()) ? 1 : 0)
							.thenComparingInt(i -> departments.contains(i.department()) ? 1 : 0)
							.thenComparingInt(i -> dutyCount.getOrDefault(i.staffId(), 0))
							.thenComparingLong(Invigilator::staffId))
						.orElseThrow();
					free.remove(best);
					picked.add(best);
					departments.add(best.department());
				}
				if (picked.size() < need) {
					problems.add(new Problem(false, "schedule.problem.invigilators", slot.label(),
							roomById.get(roomId).name(), need, picked.size()));
				}
				Set<Long> now = new HashSet<>();
				for (Invigilator i : picked) {
					duties.add(new Duty(slot.planSubjectId(), roomId, i.staffId()));
					busy.computeIfAbsent(i.staffId(), k -> new ArrayList<>()).add(slot);
					dutyCount.merge(i.staffId(), 1, Integer::sum);
					now.add(i.staffId());
				}
				previousInRoom.put(roomId, now);
			}
		}
		return duties;
	}
}
