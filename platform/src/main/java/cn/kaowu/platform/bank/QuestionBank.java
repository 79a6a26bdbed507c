package cn.kaowu.platform.bank;

import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.catalog.CatalogManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank as the package builder reads it: decrypted items and blueprints of a level's subject. <b>Unscoped</b>:
 * callers check their own scope (the builder acts for the ORG owning the plan) and must never hand what this returns
 * to anyone but an encrypted package — the one exception being practical grading ({@code result.Grading}), which shows
 * a practical item's stem and rubric to the graders assigned to mark it, after the exam.
 */
@Service
public class QuestionBank {

	private final Items items;

	private final Blueprints blueprints;

	private final BankCipher cipher;

	private final CatalogManagement catalog;

	QuestionBank(Items items, Blueprints blueprints, BankCipher cipher, CatalogManagement catalog) {
		this.items = items;
		this.blueprints = blueprints;
		this.cipher = cipher;
		this.catalog = catalog;
	}

	/** The active items of the subject at their current versions, in id order. */
	@Transactional(readOnly = true)
	public List<BankItem> activeItems(long levelId, long subjectId) {
		return items.active(levelId, subjectId)
			.stream()
			.map(r -> new BankItem(r.id(), r.currentVersion(), r.type(), r.knowledgeArea(), r.difficulty(), r.points(),
					cipher.decrypt(r.id(), r.currentVersion(), r.body())))
			.toList();
	}

	/** One version of an item, as a package references it, whatever the item's status now. */
	@Transactional(readOnly = true)
	public Optional<BankItem> item(long id, int version) {
		return items.version(id, version)
			.map(v -> new BankItem(v.itemId(), v.version(), v.type(), v.knowledgeArea(), v.difficulty(), v.points(),
					cipher.decrypt(v.itemId(), v.version(), v.body())));
	}

	/** The subject's blueprint, if one was saved. */
	@Transactional(readOnly = true)
	public Optional<Blueprint> blueprint(long levelId, long subjectId) {
		return blueprints.find(levelId, subjectId);
	}

	/** The saved blueprint (or none: not satisfied) against the active items and the subject's full marks. */
	@Transactional(readOnly = true)
	public BlueprintCheck check(long levelId, long subjectId) {
		Blueprint b = blueprints.find(levelId, subjectId).orElse(new Blueprint(levelId, subjectId, List.of(), 0));
		int fullMarks = catalog.findSubject(subjectId).map(s -> s.fullMarks()).orElse(100);
		return BlueprintRules.evaluate(b, items.activeCounts(subjectId), fullMarks);
	}
}
