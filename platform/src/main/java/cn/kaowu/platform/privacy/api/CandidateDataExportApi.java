package cn.kaowu.platform.privacy.api;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.privacy.CandidateDataExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "个人信息 Personal data", description = "考生个人信息导出（个人信息保护法第四十五条）：本校院校业务管理员与院校负责人，每次导出记入审计")
class CandidateDataExportApi {

	private final CandidateDataExport export;

	CandidateDataExportApi(CandidateDataExport export) {
		this.export = export;
	}

	@PostMapping("/api/v1/candidates/{id}/personal-data")
	@Operation(summary = "导出考生个人信息（zip：candidate.json 含完整证件号与手机号、报考记录、成绩、证书、审计记录，及照片）")
	ResponseEntity<byte[]> export(Scope scope, @PathVariable long id) {
		CandidateDataExport.Export e = export.export(scope, id);
		return Downloads.attachment(e.fileName(), "application/zip", e.zip());
	}
}
