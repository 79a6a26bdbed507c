package cn.kaowu.platform.site;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The qualification checklist of each certificate (考核站点遴选条件), kept as data: the ORG that owns the
 * certificate adds, edits, deletes and reorders items (others get the catalogue's 403); everyone reads.
 * Reviews copy the texts, so changing an item never rewrites a past review.
 */
@Service
public class QualificationChecklists {

	private final ChecklistItems items;

	private final CatalogManagement catalog;

	private final AuditLog audit;

	private final Clock clock;

	QualificationChecklists(ChecklistItems items, CatalogManagement catalog, AuditLog audit, Clock clock) {
		this.items = items;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ChecklistItemView> of(Scope scope, long certificateId) {
		catalog.getCertificate(scope, certificateId);
		return items.of(certificateId);
	}

	@Transactional
	public ChecklistItemView add(Scope scope, long certificateId, ChecklistItemForm form) {
		CertificateView certificate = owned(scope, certificateId);
		Checked c = check(form);
		long id = items.insert(certificateId, c.category(), c.requirement(), c.source(), clock.instant());
		audit.record(scope, AuditRecord.of("site.checklist.add", "ChecklistItem", id, null, null,
				certificate.name() + " " + c.category() + "：" + abbreviate(c.requirement()), certificate.organisationId()));
		return item(id);
	}

	@Transactional
	public ChecklistItemView update(Scope scope, long itemId, ChecklistItemForm form) {
		ChecklistItemView current = item(itemId);
		CertificateView certificate = owned(scope, current.certificateId());
		Checked c = check(form);
		if (!items.update(itemId, c.category(), c.requirement(), c.source(),
				form.getVersion() == null ? current.version() : form.getVersion(), clock.instant())) {
			throw new OptimisticLockingFailureException("site_checklist_item " + itemId);
		}
		audit.record(scope, AuditRecord.of("site.checklist.update", "ChecklistItem", itemId, null, null,
				certificate.name() + " " + c.category() + "：" + abbreviate(c.requirement()), certificate.organisationId()));
		return item(itemId);
	}

	@Transactional
	public void delete(Scope scope, long itemId) {
		ChecklistItemView current = item(itemId);
		CertificateView certificate = owned(scope, current.certificateId());
		items.delete(itemId);
		renumber(current.certificateId());
		audit.record(scope, AuditRecord.of("site.checklist.delete", "ChecklistItem", itemId, null, null,
				certificate.name() + " " + current.category() + "：" + abbreviate(current.requirement()),
				certificate.organisationId()));
	}

	/** Moves an item one place up ({@code -1}) or down ({@code +1}). */
	@Transactional
	public List<ChecklistItemView> move(Scope scope, long itemId, int direction) {
		ChecklistItemView current = item(itemId);
		CertificateView certificate = owned(scope, current.certificateId());
		List<ChecklistItemView> list = new ArrayList<>(items.of(current.certificateId()));
		int index = list.indexOf(list.stream().filter(i -> i.id() == itemId).findFirst().orElseThrow());
		int target = index + Integer.signum(direction);
		if (target >= 0 && target < list.size()) {
			list.add(target, list.remove(index));
			for (int i = 0; i < list.size(); i++) {
				items.setPosition(list.get(i).id(), i + 1);
			}
			audit.record(scope, AuditRecord.of("site.checklist.move", "ChecklistItem", itemId, index + 1, target + 1,
					certificate.name(), certificate.organisationId()));
		}
		return items.of(current.certificateId());
	}

	private void renumber(long certificateId) {
		List<ChecklistItemView> list = items.of(certificateId);
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).position() != i + 1) {
				items.setPosition(list.get(i).id(), i + 1);
			}
		}
	}

	private ChecklistItemView item(long id) {
		return items.find(id).orElseThrow(() -> new NotFoundProblem("资格条件", id));
	}

	private CertificateView owned(Scope scope, long certificateId) {
		CertificateView certificate = catalog.getCertificate(scope, certificateId);
		CatalogManagement.checkCanManage(scope, certificate.organisationId());
		return certificate;
	}

	private record Checked(String category, String requirement, @Nullable String source) {
	}

	private static Checked check(ChecklistItemForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		String category = trim(form.getCategory());
		String requirement = trim(form.getRequirement());
		String source = trim(form.getSource());
		if (category.isEmpty()) {
			problems.add(new FieldProblem("category", "site.checklist.category.required"));
		}
		else if (category.length() > 50) {
			problems.add(new FieldProblem("category", "site.checklist.category.size"));
		}
		if (requirement.isEmpty()) {
			problems.add(new FieldProblem("requirement", "site.checklist.requirement.required"));
		}
		else if (requirement.length() > 1000) {
			problems.add(new FieldProblem("requirement", "site.checklist.requirement.size"));
		}
		if (source.length() > 200) {
			problems.add(new FieldProblem("source", "site.checklist.source.size"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		return new Checked(category, requirement, source.isEmpty() ? null : source);
	}

	private static String abbreviate(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

	private static String trim(@Nullable String s) {
		return s == null ? "" : s.trim();
	}
}
