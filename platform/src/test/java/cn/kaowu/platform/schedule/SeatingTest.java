package cn.kaowu.platform.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeatingTest {

	static final Instant T = Instant.parse("2026-12-12T06:00:00Z");

	static final Seating.Slot THEORY = new Seating.Slot(1, 100, T, T.plusSeconds(3600), "初级理论");

	static final Seating.Slot PRACTICE = new Seating.Slot(2, 100, T.plusSeconds(5400), T.plusSeconds(12600), "初级实操");

	static List<Seating.Candidate> candidates(int n, long planSubjectId) {
		List<Seating.Candidate> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			list.add(new Seating.Candidate(planSubjectId * 10_000 + i, i, planSubjectId, 100,
					String.format("3201%014d", i), i % 3 == 0 ? "530703" : "530701"));
		}
		return list;
	}

	static List<Seating.Invigilator> people(int n) {
		List<Seating.Invigilator> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			list.add(new Seating.Invigilator(i + 1, "监考" + i, i % 2 == 0 ? "信息工程学院" : "经济管理学院",
					Set.of(i < 2 ? "530701" : "510201"), Set.of()));
		}
		return list;
	}

	@Test
	void roomsExactlyFullAreEnoughOneMoreCandidateIsNot() {
		List<Seating.Room> rooms = List.of(new Seating.Room(1, "一号机房", 30, Set.of(1L)),
				new Seating.Room(2, "二号机房", 10, Set.of(1L)));
		Seating.Result full = Seating.site(List.of(THEORY), rooms, candidates(40, 1), people(6));
		assertThat(full.blocked()).isFalse();
		assertThat(full.seats()).hasSize(40);
		assertThat(full.seats()).filteredOn(s -> s.roomId() == 2).extracting(Seating.Seat::seat)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

		Seating.Result over = Seating.site(List.of(THEORY), rooms, candidates(41, 1), people(6));
		assertThat(over.blocked()).isTrue();
		assertThat(over.seats()).isEmpty();
		assertThat(over.problems().getFirst().args()).containsExactly("初级理论", 41, 40);
	}

	@Test
	void invigilatorsFollowTheRatioAt40And41And60And61() {
		for (int[] c : new int[][] { { 40, 2 }, { 41, 3 }, { 60, 3 }, { 61, 4 } }) {
			Seating.Result r = Seating.site(List.of(THEORY), List.of(new Seating.Room(1, "机房", 80, Set.of(1L))),
					candidates(c[0], 1), people(8));
			assertThat(r.duties()).as(c[0] + " candidates").hasSize(c[1]);
			assertThat(r.problems()).isEmpty();
		}
		Seating.Result tooFew = Seating.site(List.of(THEORY), List.of(new Seating.Room(1, "机房", 80, Set.of(1L))),
				candidates(61, 1), people(3));
		assertThat(tooFew.blocked()).as("a shortage of invigilators is a warning").isFalse();
		assertThat(tooFew.problems()).singleElement().extracting(Seating.Problem::messageKey)
			.isEqualTo("schedule.problem.invigilators");
	}

	@Test
	void theSameInputGivesTheSameResult() {
		List<Seating.Room> rooms = List.of(new Seating.Room(1, "一号机房", 30, Set.of(1L)),
				new Seating.Room(2, "实训室", 40, Set.of(2L)));
		List<Seating.Candidate> records = new ArrayList<>(candidates(25, 1));
		records.addAll(candidates(25, 2));
		Seating.Result first = Seating.site(List.of(THEORY, PRACTICE), rooms, records, people(6));
		List<Seating.Candidate> shuffled = new ArrayList<>(records);
		java.util.Collections.shuffle(shuffled, new java.util.Random(7));
		Seating.Result again = Seating.site(List.of(PRACTICE, THEORY), rooms, shuffled, people(6));
		assertThat(again.seats()).containsExactlyInAnyOrderElementsOf(first.seats());
		assertThat(again.candidateNumbers()).isEqualTo(first.candidateNumbers());
		assertThat(again.duties()).containsExactlyInAnyOrderElementsOf(first.duties());
	}

	@Test
	void neighboursAreOfDifferentMajorsWhereTheMixAllows() {
		Seating.Result r = Seating.site(List.of(THEORY), List.of(new Seating.Room(1, "机房", 30, Set.of(1L))),
				candidates(30, 1), people(4));
		List<Seating.Seat> seats = r.seats().stream().sorted(java.util.Comparator.comparingInt(Seating.Seat::seat)).toList();
		// 10 of 530703 and 20 of 530701: the ten can each sit between two of the others.
		int sameNeighbours = 0;
		for (int i = 1; i < seats.size(); i++) {
			if (major(seats.get(i)).equals(major(seats.get(i - 1)))) {
				sameNeighbours++;
			}
		}
		assertThat(sameNeighbours).isLessThanOrEqualTo(10);
		assertThat(major(seats.get(0))).isNotEqualTo(major(seats.get(1)));
	}

	private static String major(Seating.Seat s) {
		return s.candidateId() % 3 == 0 ? "530703" : "530701";
	}

	@Test
	void aDeclaredRelativeNeverInvigilatesTheRoomTeachersOfTheMajorAndRepeatsComeLast() {
		List<Seating.Candidate> records = new ArrayList<>(candidates(20, 1));
		records.addAll(candidates(20, 2));
		String relative = records.get(3).idNumber();
		List<Seating.Invigilator> people = new ArrayList<>();
		people.add(new Seating.Invigilator(1, "亲属", "经济管理学院", Set.of(), Set.of(relative)));
		people.add(new Seating.Invigilator(2, "本专业教师", "经济管理学院", Set.of("530701"), Set.of()));
		people.add(new Seating.Invigilator(3, "甲", "信息工程学院", Set.of(), Set.of()));
		people.add(new Seating.Invigilator(4, "乙", "机电学院", Set.of(), Set.of()));
		people.add(new Seating.Invigilator(5, "丙", "信息工程学院", Set.of(), Set.of()));
		people.add(new Seating.Invigilator(6, "丁", "艺术学院", Set.of(), Set.of()));
		Seating.Room room = new Seating.Room(1, "机房", 30, Set.of(1L, 2L));
		Seating.Result r = Seating.site(List.of(THEORY, PRACTICE), List.of(room), records, people);
		assertThat(r.duties()).extracting(Seating.Duty::staffId).doesNotContain(1L, 2L);
		Set<Long> theory = new HashSet<>();
		Set<Long> practice = new HashSet<>();
		r.duties().forEach(d -> (d.planSubjectId() == 1 ? theory : practice).add(d.staffId()));
		assertThat(theory).hasSize(2).doesNotContainAnyElementsOf(practice);
		// Cross-department pairs: 甲 (信息工程) with 乙 (机电), then 丙 (信息工程) with 丁 (艺术).
		assertThat(theory).containsExactlyInAnyOrder(3L, 4L);
	}

	@Test
	void ticketNumbersHaveSixteenDigitsAndThePasswordIsTheirLastSix() {
		String ticket = TicketNumbers.of(LocalDate.of(2026, 12, 12), 123_456, 7, 42);
		assertThat(ticket).isEqualTo("2612234560070042").hasSize(TicketNumbers.LENGTH);
		assertThat(TicketNumbers.initialPassword(ticket)).isEqualTo("070042");
	}
}
