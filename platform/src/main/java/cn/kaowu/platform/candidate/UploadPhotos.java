package cn.kaowu.platform.candidate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.ProblemMessages;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.storage.FileStorage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量导入考生照片 as a job: a zip of {@code <证件号码>.jpg|png} (see {@link PhotoZip} for the defences), each
 * photo checked ({@link CandidatePhotos}) and matched to a candidate of the college. Accepted photos are stored and
 * the candidates updated in one transaction at the end (a photo replaces an earlier one; verified candidates keep
 * theirs); the report lists every file with its result.
 */
@Component
class UploadPhotos implements JobHandler {

	private final Candidates candidates;

	private final FileStorage files;

	private final ProblemMessages messages;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	UploadPhotos(Candidates candidates, FileStorage files, ProblemMessages messages, AuditLog audit,
			TransactionTemplate tx, Clock clock) {
		this.candidates = candidates;
		this.files = files;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return CandidateManagement.PHOTO_JOB;
	}

	private record Accepted(Candidates.Row candidate, byte[] content) {
	}

	@Override
	public void run(JobContext context) {
		Scope scope = context.scope();
		long collegeId = scope.requireOrganisation();
		CandidateAccess.requireManager(scope, collegeId);
		byte[] zip = context.input();
		String zipName = String.valueOf(context.inputName());
		if (zip == null) {
			throw new InvalidInputProblem("file", "upload.empty", zipName);
		}
		Map<String, Candidates.Row> byNumber = candidates.byIdNumber(collegeId);
		List<Accepted> accepted = new ArrayList<>();
		List<List<String>> report = new ArrayList<>();
		java.util.Set<Long> matched = new java.util.HashSet<>();
		PhotoZip.read(zipName, zip, CandidatePhotos.MAX_BYTES, entry -> {
			String result;
			if (entry.problemKey() != null) {
				result = messages.text(entry.problemKey(), CandidatePhotos.MAX_BYTES / 1048576);
			}
			else {
				String number = entry.fileName().substring(0, entry.fileName().lastIndexOf('.')).strip()
					.toUpperCase(java.util.Locale.ROOT);
				Candidates.Row candidate = byNumber.get(number);
				var problem = CandidatePhotos.problem(entry.content());
				if (candidate == null) {
					result = messages.text("candidate.photo.noCandidate", number);
				}
				else if (problem.isPresent()) {
					result = messages.text(problem.get().key(), problem.get().args());
				}
				else if (candidate.state().identityLocked()) {
					result = messages.text("candidate.photo.locked", candidate.name());
				}
				else if (!matched.add(candidate.id())) {
					result = messages.text("candidate.photo.twice", candidate.name());
				}
				else {
					accepted.add(new Accepted(candidate, entry.content()));
					result = messages.text("candidate.photo.ok", candidate.name());
				}
			}
			report.add(List.of(entry.path(), result));
			context.progress(report.size(), report.size() + 1);
		});
		var now = clock.instant();
		tx.executeWithoutResult(status -> {
			for (Accepted a : accepted) {
				UUID file = files.saveGenerated(scope, "candidate-photo",
						CandidatePhotos.storedName(a.candidate().id(), a.content()),
						CandidatePhotos.type(a.content()).contentType(), a.content()).id();
				// A new photo is verified again.
				candidates.setPhoto(a.candidate().id(), file, VerificationState.PENDING_VERIFICATION, now);
			}
			audit.record(scope, AuditRecord.of("candidate.photos", "CandidatePhotos", context.jobId(), null, null,
					zipName + "：成功 " + accepted.size() + " 张，失败 " + (report.size() - accepted.size()) + " 张",
					collegeId));
		});
		context.attachResult("照片导入结果.xlsx", Spreadsheets.CONTENT_TYPE,
				Spreadsheets.sheet("照片导入结果", List.of(new Spreadsheets.Column("文件", 40),
						new Spreadsheets.Column("结果", 60)), report));
		context.progress(report.size() + 1, report.size() + 1);
		context.finish(accepted.size(), report.size() - accepted.size(),
				messages.text("candidate.photo.done"));
	}
}
