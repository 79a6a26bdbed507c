package cn.kaowu.platform.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhereTest {

	enum Colour {
		RED
	}

	@Test
	void skipsAbsentFiltersAndBindsPresentOnes() {
		Where where = Where.start()
			.and("a.org = ?", 7L)
			.andIf(null, "a.role = ?")
			.andIf("  ", "a.name = ?")
			.andIf(Colour.RED, "a.colour = ?")
			.andLike("50%_x", "a.name", "a.code")
			.andWhen(false, "a.deleted");
		assertThat(where.sql())
			.isEqualTo(" WHERE TRUE AND (a.org = ?) AND (a.colour = ?) AND (a.name LIKE ? OR a.code LIKE ?)");
		assertThat(where.params()).containsExactly(7L, "RED", "%50\\%\\_x%", "%50\\%\\_x%");
	}

	@Test
	void likeEscapesBackslashFirst() {
		assertThat(Where.like(" a\\b ")).isEqualTo("%a\\\\b%");
	}
}
