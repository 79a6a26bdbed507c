package cn.kaowu.platform.review.api;

import java.util.List;

import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.review.ReviewManagement;
import cn.kaowu.platform.review.ReviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "成绩复查 Score review", description = "院校在成绩公示开始后 7 个工作日内为本校考生提交复查申请（每名考生每次公示一次；客观题仅 0 分或缺考，"
		+ "主观题仅漏评、合分错误，不重新评阅），评价组织 3 个工作日内逐科答复（维持/更正），申请表与回执 PDF，考生档案")
class ReviewApi {

	private final ReviewManagement reviews;

	ReviewApi(ReviewManagement reviews) {
		this.reviews = reviews;
	}

	record SubmitRequest(List<Long> ids) {
	}

	record AnswerRequest(List<ReviewManagement.SubjectAnswer> answers) {
	}

	@GetMapping
	@Operation(summary = "考核计划的复查申请（院校：本校的，含草稿；评价组织：已提交的）")
	List<ReviewView> list(Scope scope, @RequestParam long planId) {
		return reviews.list(scope, planId);
	}

	@GetMapping("/plans/{planId}/window")
	@Operation(summary = "复查申请时间（公示开始至其后第 7 个工作日结束）")
	ReviewManagement.Window window(Scope scope, @PathVariable long planId) {
		return reviews.plans(scope).stream().filter(p -> p.id() == planId).findFirst().map(reviews::window)
			.orElseThrow(() -> new cn.kaowu.platform.kernel.NotFoundProblem("考核计划", planId));
	}

	@GetMapping("/plans/{planId}/candidates")
	@Operation(summary = "本校可申请复查的考生及其各科成绩")
	List<ReviewManagement.Candidate> candidates(Scope scope, @PathVariable long planId) {
		return reviews.candidates(scope, planId);
	}

	@PostMapping("/plans/{planId}")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建复查申请（草稿）", description = "不在复查范围的理由：422；同一考生第二份：409")
	ReviewView create(Scope scope, @PathVariable long planId, @RequestBody ReviewManagement.ReviewForm form) {
		return reviews.create(scope, planId, form);
	}

	@GetMapping("/{id}")
	@Operation(summary = "查看复查申请")
	ReviewView get(Scope scope, @PathVariable long id) {
		return reviews.get(scope, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除草稿")
	void delete(Scope scope, @PathVariable long id) {
		reviews.delete(scope, id);
	}

	@PostMapping("/submit")
	@Operation(summary = "提交复查申请（可批量）", description = "复查申请时间外：409")
	List<ReviewView> submit(Scope scope, @RequestBody SubmitRequest body) {
		return reviews.submit(scope, body.ids());
	}

	@PostMapping("/{id}/answer")
	@Operation(summary = "答复复查申请（逐科维持/更正）", description = "更正经成绩模块登记并留痕；成绩已锁定：409；超过答复期限的答复标记为逾期")
	ReviewView answer(Scope scope, @PathVariable long id, @RequestBody AnswerRequest body) {
		return reviews.answer(scope, id, body.answers());
	}

	@GetMapping("/{id}/form.pdf")
	@Operation(summary = "成绩复查申请表（附件1）PDF")
	ResponseEntity<byte[]> form(Scope scope, @PathVariable long id) {
		return Downloads.attachment("成绩复查申请表-" + id + ".pdf", "application/pdf", reviews.requestForm(scope, id));
	}

	@GetMapping("/{id}/receipt.pdf")
	@Operation(summary = "成绩复查回执 PDF（已答复）")
	ResponseEntity<byte[]> receipt(Scope scope, @PathVariable long id) {
		return Downloads.attachment("成绩复查回执-" + id + ".pdf", "application/pdf", reviews.receipt(scope, id));
	}

	@GetMapping("/case")
	@Operation(summary = "考生档案：成绩修改记录与复查申请、答复，按时间排列（院校：摘要）")
	List<ReviewManagement.CaseEntry> caseFile(Scope scope, @RequestParam long planId, @RequestParam long candidateId) {
		return reviews.caseFile(scope, planId, candidateId);
	}
}
