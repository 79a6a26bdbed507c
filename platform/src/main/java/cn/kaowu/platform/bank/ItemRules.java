package cn.kaowu.platform.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.jspecify.annotations.Nullable;

/**
 * What makes an item well-formed, shared by the form, the REST API and the import. Pure: no database, no clock.
 * Each problem names a field of {@link ItemForm} and a message key of {@code i18n/bank}.
 * <ul>
 * <li>单选: 2–6 options without gaps (A, B, … filled in order), exactly one correct.</li>
 * <li>多选: 3–6 options without gaps, at least two correct.</li>
 * <li>判断: no options, the key is 正确 or 错误.</li>
 * <li>实操: no options, a rubric of 1–20 criteria with points ≥ 1 whose sum is the item's points.</li>
 * </ul>
 */
final class ItemRules {

	static final int MAX_OPTIONS = 6;

	static final int MAX_STEM = 4000;

	static final int MAX_OPTION = 500;

	static final int MAX_AREA = 50;

	static final int MAX_POINTS = 100;

	static final int MAX_CRITERIA = 20;

	private ItemRules() {
	}

	/** A checked item: the clear metadata and the body to encrypt. */
	record Values(ItemType type, String knowledgeArea, int difficulty, int points, ItemBody body) {
	}

	/** Checks every field and answers the normalised values, or throws naming every field in error. */
	static Values check(ItemForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		ItemType type = form.getType();
		if (type == null) {
			problems.add(new FieldProblem("type", "bank.type.required"));
		}
		String area = strip(form.getKnowledgeArea());
		if (area.isEmpty()) {
			problems.add(new FieldProblem("knowledgeArea", "bank.knowledgeArea.required"));
		}
		else if (area.length() > MAX_AREA) {
			problems.add(new FieldProblem("knowledgeArea", "bank.knowledgeArea.tooLong", MAX_AREA));
		}
		Integer difficulty = form.getDifficulty();
		if (difficulty == null || difficulty < 1 || difficulty > 5) {
			problems.add(new FieldProblem("difficulty", "bank.difficulty.range"));
		}
		Integer points = form.getPoints();
		if (points == null || points < 1 || points > MAX_POINTS) {
			problems.add(new FieldProblem("points", "bank.points.range", MAX_POINTS));
		}
		String stem = strip(form.getStem());
		if (stem.isEmpty()) {
			problems.add(new FieldProblem("stem", type == ItemType.PRACTICAL ? "bank.instructions.required"
					: "bank.stem.required"));
		}
		else if (stem.length() > MAX_STEM) {
			problems.add(new FieldProblem("stem", "bank.stem.tooLong", MAX_STEM));
		}
		List<String> options = options(form.getOptions(), problems);
		String answer = "";
		List<ItemBody.Criterion> rubric = List.of();
		if (type != null) {
			if (type.hasOptions()) {
				answer = choiceAnswer(type, options, form.getAnswer(), problems);
			}
			else if (!options.isEmpty()) {
				problems.add(new FieldProblem("options", "bank.options.notAllowed", type.label()));
			}
			if (type == ItemType.TRUE_FALSE) {
				answer = trueFalse(form.getAnswer(), problems);
			}
			if (type == ItemType.PRACTICAL) {
				rubric = rubric(form.getRubric(), points, problems);
			}
			else if (form.getRubric().stream().anyMatch(c -> !strip(c.getText()).isEmpty() || c.getPoints() != null)) {
				problems.add(new FieldProblem("rubric", "bank.rubric.notAllowed", type.label()));
			}
			if (type != ItemType.PRACTICAL && !form.getAttachments().isEmpty()) {
				problems.add(new FieldProblem("attachments", "bank.attachments.notAllowed"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new Values(type, area, difficulty, points,
				new ItemBody(stem, options, answer, rubric, form.getAttachments()));
	}

	/** The filled options; a gap (C filled, B empty) or more than six is a problem. */
	private static List<String> options(List<String> entered, List<FieldProblem> problems) {
		int last = -1;
		for (int i = 0; i < entered.size(); i++) {
			if (!strip(entered.get(i)).isEmpty()) {
				last = i;
			}
		}
		List<String> options = new ArrayList<>();
		for (int i = 0; i <= last; i++) {
			String o = strip(entered.get(i));
			if (o.isEmpty()) {
				problems.add(new FieldProblem("options", "bank.options.gap", ItemBody.letter(i)));
				return List.of();
			}
			if (o.length() > MAX_OPTION) {
				problems.add(new FieldProblem("options", "bank.options.tooLong", ItemBody.letter(i), MAX_OPTION));
			}
			options.add(o);
		}
		if (options.size() > MAX_OPTIONS) {
			problems.add(new FieldProblem("options", "bank.options.tooMany", MAX_OPTIONS));
		}
		return options;
	}

	private static String choiceAnswer(ItemType type, List<String> options, @Nullable String entered,
			List<FieldProblem> problems) {
		int min = type == ItemType.SINGLE ? 2 : 3;
		if (options.size() < min) {
			problems.add(new FieldProblem("options", "bank.options.tooFew", type.label(), min));
		}
		String text = strip(entered).toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；]", "");
		if (text.isEmpty()) {
			problems.add(new FieldProblem("answer", "bank.answer.required"));
			return "";
		}
		TreeSet<Character> letters = new TreeSet<>();
		for (char c : text.toCharArray()) {
			if (c < 'A' || c >= 'A' + Math.max(options.size(), 1)) {
				problems.add(new FieldProblem("answer", "bank.answer.notAnOption", String.valueOf(c)));
				return "";
			}
			if (!letters.add(c)) {
				problems.add(new FieldProblem("answer", "bank.answer.repeated", String.valueOf(c)));
				return "";
			}
		}
		if (type == ItemType.SINGLE && letters.size() != 1) {
			problems.add(new FieldProblem("answer", "bank.answer.single"));
		}
		if (type == ItemType.MULTIPLE && letters.size() < 2) {
			problems.add(new FieldProblem("answer", "bank.answer.multiple"));
		}
		StringBuilder key = new StringBuilder();
		letters.forEach(key::append);
		return key.toString();
	}

	private static String trueFalse(@Nullable String entered, List<FieldProblem> problems) {
		String text = strip(entered).toUpperCase(Locale.ROOT);
		return switch (text) {
			case "TRUE", "T", "正确", "对", "√", "是", "Y" -> "TRUE";
			case "FALSE", "F", "错误", "错", "×", "否", "N" -> "FALSE";
			default -> {
				problems.add(new FieldProblem("answer", text.isEmpty() ? "bank.answer.required"
						: "bank.answer.trueFalse", text));
				yield "";
			}
		};
	}

	private static List<ItemBody.Criterion> rubric(List<ItemForm.CriterionForm> entered, @Nullable Integer points,
			List<FieldProblem> problems) {
		List<ItemBody.Criterion> rubric = new ArrayList<>();
		int line = 0;
		for (ItemForm.CriterionForm c : entered) {
			line++;
			String text = strip(c.getText());
			if (text.isEmpty() && c.getPoints() == null) {
				continue;
			}
			if (text.isEmpty()) {
				problems.add(new FieldProblem("rubric", "bank.rubric.textRequired", line));
			}
			else if (text.length() > MAX_OPTION) {
				problems.add(new FieldProblem("rubric", "bank.rubric.tooLong", line, MAX_OPTION));
			}
			if (c.getPoints() == null || c.getPoints() < 1) {
				problems.add(new FieldProblem("rubric", "bank.rubric.pointsRequired", line));
				continue;
			}
			rubric.add(new ItemBody.Criterion(text, c.getPoints()));
		}
		if (rubric.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("rubric"))) {
			problems.add(new FieldProblem("rubric", "bank.rubric.required"));
		}
		if (rubric.size() > MAX_CRITERIA) {
			problems.add(new FieldProblem("rubric", "bank.rubric.tooMany", MAX_CRITERIA));
		}
		int sum = rubric.stream().mapToInt(ItemBody.Criterion::points).sum();
		if (!rubric.isEmpty() && points != null && sum != points) {
			problems.add(new FieldProblem("rubric", "bank.rubric.sum", sum, points));
		}
		return rubric;
	}

	static String strip(@Nullable String s) {
		return s == null ? "" : s.strip();
	}
}
