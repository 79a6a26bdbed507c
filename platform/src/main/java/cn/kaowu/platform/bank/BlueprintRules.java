package cn.kaowu.platform.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;

/**
 * Blueprint lines and their check against the bank. Pure. A line names a type, a knowledge area, a count (1–200)
 * and the points of each item (1–100); two lines with the same type, area and points would draw from the same items
 * and are refused. Whether the points add up to the full marks is part of the check, not a refusal, so that a
 * blueprint can be saved step by step.
 */
final class BlueprintRules {

	static final int MAX_COUNT = 200;

	private BlueprintRules() {
	}

	/** The key under which a line's available items are counted. */
	record Key(ItemType type, String knowledgeArea, int points) {
	}

	static List<Blueprint.Line> check(BlueprintForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Blueprint.Line> lines = new ArrayList<>();
		Map<Key, Integer> seen = new HashMap<>();
		int n = 0;
		for (BlueprintForm.LineForm l : form.getLines()) {
			n++;
			if (l.blank()) {
				continue;
			}
			int before = problems.size();
			String area = ItemRules.strip(l.getKnowledgeArea());
			if (l.getType() == null) {
				problems.add(new FieldProblem("lines", "bank.blueprint.typeRequired", n));
			}
			if (area.isEmpty()) {
				problems.add(new FieldProblem("lines", "bank.blueprint.areaRequired", n));
			}
			if (l.getCount() == null || l.getCount() < 1 || l.getCount() > MAX_COUNT) {
				problems.add(new FieldProblem("lines", "bank.blueprint.countRange", n, MAX_COUNT));
			}
			if (l.getPoints() == null || l.getPoints() < 1 || l.getPoints() > ItemRules.MAX_POINTS) {
				problems.add(new FieldProblem("lines", "bank.blueprint.pointsRange", n, ItemRules.MAX_POINTS));
			}
			if (problems.size() > before) {
				continue;
			}
			Integer first = seen.putIfAbsent(new Key(l.getType(), area, l.getPoints()), n);
			if (first != null) {
				problems.add(new FieldProblem("lines", "bank.blueprint.duplicate", n, first));
				continue;
			}
			lines.add(new Blueprint.Line(l.getType(), area, l.getCount(), l.getPoints()));
		}
		if (lines.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("lines", "bank.blueprint.empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return lines;
	}

	/** The blueprint against the active items counted by key, and the subject's full marks. */
	static BlueprintCheck evaluate(Blueprint blueprint, Map<Key, Integer> available, int fullMarks) {
		List<BlueprintCheck.LineCheck> lines = blueprint.lines()
			.stream()
			.map(l -> new BlueprintCheck.LineCheck(l,
					available.getOrDefault(new Key(l.type(), l.knowledgeArea(), l.points()), 0)))
			.toList();
		return new BlueprintCheck(lines, blueprint.totalPoints(), fullMarks);
	}
}
