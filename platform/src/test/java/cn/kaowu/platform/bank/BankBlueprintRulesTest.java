package cn.kaowu.platform.bank;

import java.util.List;
import java.util.Map;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link BlueprintRules}: the lines as entered and the check against the counted bank. */
class BankBlueprintRulesTest {

	static BlueprintForm form(BlueprintForm.LineForm... lines) {
		BlueprintForm f = new BlueprintForm();
		f.setLines(List.of(lines));
		return f.padded();
	}

	static BlueprintForm.LineForm line(ItemType type, String area, Integer count, Integer points) {
		return new BlueprintForm.LineForm(type, area, count, points);
	}

	@Test
	void blankLinesAreIgnoredAndBadLinesNamed() {
		var lines = BlueprintRules.check(form(line(ItemType.SINGLE, " 网店开设 ", 40, 1), line(ItemType.PRACTICAL, "装修", 1, 60)));
		assertThat(lines).containsExactly(new Blueprint.Line(ItemType.SINGLE, "网店开设", 40, 1),
				new Blueprint.Line(ItemType.PRACTICAL, "装修", 1, 60));
		InvalidInputProblem e = catchThrowableOfType(InvalidInputProblem.class,
				() -> BlueprintRules.check(form(line(null, "", 0, 101), line(ItemType.SINGLE, "甲", 200, 1),
						line(ItemType.SINGLE, "甲", 201, 1), line(ItemType.SINGLE, "甲", 1, 1))));
		assertThat(e.fieldProblems()).extracting(p -> p.messageKey() + p.args()[0])
			.containsExactly("bank.blueprint.typeRequired1", "bank.blueprint.areaRequired1", "bank.blueprint.countRange1",
					"bank.blueprint.pointsRange1", "bank.blueprint.countRange3", "bank.blueprint.duplicate4");
		e = catchThrowableOfType(InvalidInputProblem.class, () -> BlueprintRules.check(form()));
		assertThat(e.fieldProblems()).extracting(p -> p.messageKey()).containsExactly("bank.blueprint.empty");
	}

	@Test
	void satisfiedWhenEveryLineHasEnoughItemsAndThePointsAreTheFullMarks() {
		Blueprint b = new Blueprint(1, 2, List.of(new Blueprint.Line(ItemType.SINGLE, "甲", 20, 2),
				new Blueprint.Line(ItemType.TRUE_FALSE, "乙", 10, 1), new Blueprint.Line(ItemType.PRACTICAL, "丙", 1, 50)),
				1);
		Map<BlueprintRules.Key, Integer> bank = Map.of(new BlueprintRules.Key(ItemType.SINGLE, "甲", 2), 20,
				new BlueprintRules.Key(ItemType.TRUE_FALSE, "乙", 1), 12, new BlueprintRules.Key(ItemType.PRACTICAL, "丙", 50),
				1, new BlueprintRules.Key(ItemType.SINGLE, "甲", 1), 99);
		BlueprintCheck check = BlueprintRules.evaluate(b, bank, 100);
		assertThat(check.totalPoints()).isEqualTo(100);
		assertThat(check.satisfied()).isTrue();

		// one item fewer on a line (exactly enough was enough)
		bank = new java.util.HashMap<>(bank);
		bank.put(new BlueprintRules.Key(ItemType.SINGLE, "甲", 2), 19);
		check = BlueprintRules.evaluate(b, bank, 100);
		assertThat(check.satisfied()).isFalse();
		assertThat(check.lines().getFirst().shortfall()).isEqualTo(1);
		assertThat(check.pointsOk()).isTrue();

		// enough items but 99 points
		Blueprint short1 = new Blueprint(1, 2, List.of(new Blueprint.Line(ItemType.SINGLE, "甲", 99, 1)), 1);
		check = BlueprintRules.evaluate(short1, bank, 100);
		assertThat(check.itemsOk()).isTrue();
		assertThat(check.pointsOk()).isFalse();
		assertThat(check.satisfied()).isFalse();
		assertThat(BlueprintRules.evaluate(new Blueprint(1, 2, List.of(), 0), bank, 100).satisfied()).isFalse();
	}
}
