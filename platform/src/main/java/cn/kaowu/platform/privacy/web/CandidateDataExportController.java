package cn.kaowu.platform.privacy.web;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.privacy.CandidateDataExport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** 导出个人信息: the button on a candidate's edit page (a POST: the export is audited). */
@Controller
class CandidateDataExportController {

	private final CandidateDataExport export;

	CandidateDataExportController(CandidateDataExport export) {
		this.export = export;
	}

	@PostMapping("/candidates/{id}/personal-data")
	ResponseEntity<byte[]> export(Scope scope, @PathVariable long id) {
		CandidateDataExport.Export e = export.export(scope, id);
		return Downloads.attachment(e.fileName(), "application/zip", e.zip());
	}
}
