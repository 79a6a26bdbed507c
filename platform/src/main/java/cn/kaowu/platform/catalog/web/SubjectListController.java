package cn.kaowu.platform.catalog.web;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 科目列表: every subject as in the national platform's table, readable by every account. */
@Controller
class SubjectListController {

	private final CatalogManagement catalog;

	SubjectListController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/catalog/subjects")
	String list(Scope scope, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) CertificateLevel level,
			@RequestParam(required = false) ExamMode examMode, @RequestParam(required = false) Boolean enabled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		model.addAttribute("result", catalog.listSubjects(scope,
				new CatalogManagement.SubjectFilter(keyword, organisationId, null, level, examMode, enabled),
				PageQuery.of(page, size)));
		model.addAttribute("keyword", keyword);
		model.addAttribute("filterOrganisationId", organisationId);
		model.addAttribute("filterLevel", level);
		model.addAttribute("filterExamMode", examMode);
		model.addAttribute("filterEnabled", enabled);
		model.addAttribute("owners", catalog.owners());
		model.addAttribute("kinds", CertificateLevel.values());
		model.addAttribute("modes", ExamMode.values());
		return "catalog/subjects";
	}
}
