package cn.kaowu.platform.bank;

import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link ItemRules} at the boundaries of each type. */
class BankItemRulesTest {

	static ItemForm choice(ItemType type, List<String> options, String answer) {
		return ItemForm.objective(1, 2, type, "网店开设", 3, 2, "题干", options, answer);
	}

	static List<String> problems(ItemForm form) {
		InvalidInputProblem e = catchThrowableOfType(InvalidInputProblem.class, () -> ItemRules.check(form));
		assertThat(e).as("expected a problem").isNotNull();
		return e.fieldProblems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
	}

	@Test
	void singleChoiceNeedsTwoOptionsAndExactlyOneCorrect() {
		assertThat(ItemRules.check(choice(ItemType.SINGLE, List.of("甲", "乙"), "b")).body().answer()).isEqualTo("B");
		assertThat(problems(choice(ItemType.SINGLE, List.of("甲"), "A"))).containsExactly("options:bank.options.tooFew");
		assertThat(problems(choice(ItemType.SINGLE, List.of("甲", "乙", "丙"), "AB")))
			.containsExactly("answer:bank.answer.single");
		assertThat(problems(choice(ItemType.SINGLE, List.of("甲", "乙"), "C")))
			.containsExactly("answer:bank.answer.notAnOption");
		assertThat(problems(choice(ItemType.SINGLE, List.of("甲", "乙"), ""))).containsExactly("answer:bank.answer.required");
	}

	@Test
	void optionsAreFilledFromAWithoutGapsUpToF() {
		assertThat(problems(choice(ItemType.SINGLE, List.of("甲", "", "丙"), "A"))).contains("options:bank.options.gap");
		var six = ItemRules.check(choice(ItemType.SINGLE, List.of("1", "2", "3", "4", "5", "6"), "F"));
		assertThat(six.body().options()).hasSize(6);
		assertThat(problems(choice(ItemType.SINGLE, List.of("1", "2", "3", "4", "5", "6", "7"), "A")))
			.contains("options:bank.options.tooMany");
		// trailing empty option fields (the form always sends six) are not options
		assertThat(ItemRules.check(choice(ItemType.SINGLE, List.of("甲", "乙", " ", "", "", ""), "A")).body().options())
			.containsExactly("甲", "乙");
	}

	@Test
	void multipleChoiceNeedsThreeOptionsAndAtLeastTwoCorrect() {
		assertThat(ItemRules.check(choice(ItemType.MULTIPLE, List.of("甲", "乙", "丙"), "C,A")).body().answer())
			.isEqualTo("AC");
		assertThat(ItemRules.check(choice(ItemType.MULTIPLE, List.of("甲", "乙", "丙"), "ABC")).body().answer())
			.isEqualTo("ABC");
		assertThat(problems(choice(ItemType.MULTIPLE, List.of("甲", "乙", "丙"), "B")))
			.containsExactly("answer:bank.answer.multiple");
		assertThat(problems(choice(ItemType.MULTIPLE, List.of("甲", "乙"), "AB")))
			.containsExactly("options:bank.options.tooFew");
		assertThat(problems(choice(ItemType.MULTIPLE, List.of("甲", "乙", "丙"), "AA")))
			.containsExactly("answer:bank.answer.repeated");
	}

	@Test
	void trueFalseHasNoOptionsAndAnswersTrueOrFalse() {
		assertThat(ItemRules.check(choice(ItemType.TRUE_FALSE, List.of(), "正确")).body().answer()).isEqualTo("TRUE");
		assertThat(ItemRules.check(choice(ItemType.TRUE_FALSE, List.of("", ""), "错")).body().answer()).isEqualTo("FALSE");
		assertThat(problems(choice(ItemType.TRUE_FALSE, List.of("对", "错"), "正确")))
			.containsExactly("options:bank.options.notAllowed");
		assertThat(problems(choice(ItemType.TRUE_FALSE, List.of(), "A"))).containsExactly("answer:bank.answer.trueFalse");
	}

	static ItemForm practical(int points, int... criteria) {
		List<ItemBody.Criterion> rubric = new ArrayList<>();
		for (int i = 0; i < criteria.length; i++) {
			rubric.add(new ItemBody.Criterion("要点" + (i + 1), criteria[i]));
		}
		return ItemForm.practical(1, 2, "店铺装修", 4, points, "完成店铺首页装修", rubric);
	}

	@Test
	void practicalRubricAddsUpToThePoints() {
		var v = ItemRules.check(practical(20, 5, 15));
		assertThat(v.body().rubric()).extracting(ItemBody.Criterion::points).containsExactly(5, 15);
		assertThat(v.body().answer()).isEmpty();
		assertThat(problems(practical(20, 5, 14))).containsExactly("rubric:bank.rubric.sum");
		assertThat(problems(practical(20, 5, 16))).containsExactly("rubric:bank.rubric.sum");
		assertThat(problems(practical(20))).containsExactly("rubric:bank.rubric.required");
		assertThat(problems(practical(20, 20, 0))).contains("rubric:bank.rubric.pointsRequired");
		ItemForm twentyOne = practical(21, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
		assertThat(problems(twentyOne)).containsExactly("rubric:bank.rubric.tooMany");
		assertThat(ItemRules.check(practical(20, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
			.body()
			.rubric()).hasSize(20);
	}

	@Test
	void objectiveItemsHaveNoRubricOrAttachments() {
		ItemForm f = choice(ItemType.SINGLE, List.of("甲", "乙"), "A");
		f.setRubric(List.of(new ItemForm.CriterionForm("要点", 2)));
		assertThat(problems(f)).containsExactly("rubric:bank.rubric.notAllowed");
		f = choice(ItemType.SINGLE, List.of("甲", "乙"), "A");
		f.setAttachments(List.of(new ItemBody.Attachment(java.util.UUID.randomUUID(), "a.zip")));
		assertThat(problems(f)).containsExactly("attachments:bank.attachments.notAllowed");
	}

	@Test
	void difficultyPointsAndKnowledgeAreaAtTheirBounds() {
		ItemForm f = choice(ItemType.SINGLE, List.of("甲", "乙"), "A");
		f.setDifficulty(1);
		f.setPoints(1);
		ItemRules.check(f);
		f.setDifficulty(5);
		f.setPoints(100);
		f.setKnowledgeArea("知".repeat(50));
		ItemRules.check(f);
		f.setDifficulty(0);
		f.setPoints(101);
		f.setKnowledgeArea("知".repeat(51));
		f.setStem(" ");
		assertThat(problems(f)).containsExactlyInAnyOrder("difficulty:bank.difficulty.range",
				"points:bank.points.range", "knowledgeArea:bank.knowledgeArea.tooLong", "stem:bank.stem.required");
		f.setType(null);
		assertThatThrownBy(() -> ItemRules.check(f)).isInstanceOfSatisfying(InvalidInputProblem.class,
				e -> assertThat(e.fieldProblems()).extracting(FieldProblem::field).contains("type"));
	}
}
