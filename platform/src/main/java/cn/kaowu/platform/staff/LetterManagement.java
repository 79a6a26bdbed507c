package cn.kaowu.platform.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.StoredFile;
import cn.kaowu.platform.storage.UploadRules;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility letters (考务工作人员责任书): per exam, each person of the staff database signs one; the college
 * records the signed scan (PDF, JPG or PNG, recognised by content, at most 10 MB) and the date of signing.
 * Exams are a name and a date until the plan module exists.
 */
@Service
public class LetterManagement {

	/** What a signed scan may be. */
	public static final UploadRules SCAN_RULES = UploadRules.of(10, FileType.PDF, FileType.JPEG, FileType.PNG);

	static final String FILE_CATEGORY = "staff-letter";

	private final Letters letters;

	private final StaffMembers staff;

	private final StaffAccess access;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	LetterManagement(Letters letters, StaffMembers staff, StaffAccess access, FileStorage files, AuditLog audit,
			Clock clock) {
		this.letters = letters;
		this.staff = staff;
		this.access = access;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** A signed scan to send back. */
	public record Scan(StoredFile file, byte[] content) {
	}

	@Transactional(readOnly = true)
	public List<LetterSheet.Exam> exams(Scope scope, @Nullable Long collegeId) {
		OrganisationView college = access.college(scope, collegeId);
		List<LetterSheet.Exam> exams = new ArrayList<>();
		for (Letters.ExamRow e : letters.exams(college.id())) {
			LetterSheet sheet = sheet(e);
			exams.add(new LetterSheet.Exam(e.id(), e.name(), e.examDate(), sheet.signedCount(), sheet.lines().size()));
		}
		return exams;
	}

	/** Opens an exam for letters in the caller's college. */
	@Transactional
	public LetterSheet createExam(Scope scope, @Nullable String name, @Nullable LocalDate examDate) {
		OrganisationView college = access.ownCollege(scope);
		List<FieldProblem> problems = new ArrayList<>();
		String n = StaffManagement.trim(name);
		if (n.isEmpty()) {
			problems.add(new FieldProblem("name", "staff.letter.exam.name.required"));
		}
		else if (n.length() > 60) {
			problems.add(new FieldProblem("name", "staff.letter.exam.name.size"));
		}
		if (examDate == null) {
			problems.add(new FieldProblem("examDate", "staff.letter.exam.date.required"));
		}
		if (problems.isEmpty() && letters.examExists(college.id(), n, examDate)) {
			problems.add(new FieldProblem("name", "staff.letter.exam.duplicate"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputProblem(problems);
		}
		long id = letters.insertExam(college.id(), n, examDate, clock.instant());
		audit.record(scope, AuditRecord.of("staff.letter.exam.create", "LetterExam", id, null, "OPEN",
				n + " " + examDate, college.id()));
		return sheet(scope, id);
	}

	@Transactional(readOnly = true)
	public LetterSheet sheet(Scope scope, long examId) {
		return sheet(exam(scope, examId));
	}

	/**
	 * Records the signed letter of a person for an exam (or replaces its scan). The file is checked by content:
	 * a PDF, JPG or PNG of at most 10 MB.
	 */
	@Transactional
	public LetterSheet record(Scope scope, long examId, @Nullable Long staffId, @Nullable LocalDate signedOn,
			String fileName, byte[] content) {
		Letters.ExamRow exam = exam(scope, examId);
		StaffAccess.requireManager(scope, exam.collegeId());
		if (staffId == null) {
			throw new InvalidInputProblem("staffId", "staff.letter.staff.required");
		}
		StaffMembers.Row person = staff.find(staffId)
			.filter(p -> p.collegeId() == exam.collegeId())
			.orElseThrow(() -> new NotFoundProblem("考务人员", staffId));
		if (signedOn == null) {
			throw new InvalidInputProblem("signedOn", "staff.letter.signedOn.required");
		}
		if (signedOn.isAfter(LocalDate.now(clock))) {
			throw new InvalidInputProblem("signedOn", "staff.letter.signedOn.future");
		}
		StoredFile file = files.store(scope, FILE_CATEGORY, "file", fileName, content, SCAN_RULES);
		long letterId = letters.upsert(examId, staffId, signedOn, file.id(), clock.instant());
		audit.record(scope, AuditRecord.of("staff.letter.record", "ResponsibilityLetter", letterId, null, "SIGNED",
				exam.name() + " " + exam.examDate() + " · " + person.name() + " · " + signedOn + " · "
						+ file.originalName(),
				exam.collegeId()));
		return sheet(exam);
	}

	/** The signed scan of a letter, for whoever may read the college's staff data. */
	@Transactional(readOnly = true)
	public Scan scan(Scope scope, long letterId) {
		Letters.LetterRow letter = letters.findLetter(letterId)
			.orElseThrow(() -> new NotFoundProblem("责任书", letterId));
		Letters.ExamRow exam = letters.findExam(letter.examId()).orElseThrow();
		access.readable(scope, exam.collegeId(), "责任书", letterId);
		StoredFile file = files.find(letter.fileId()).orElseThrow(() -> new NotFoundProblem("责任书", letterId));
		return new Scan(file, files.read(file.id()));
	}

	private Letters.ExamRow exam(Scope scope, long examId) {
		Letters.ExamRow exam = letters.findExam(examId).orElseThrow(() -> new NotFoundProblem("考试", examId));
		access.readable(scope, exam.collegeId(), "考试", examId);
		return exam;
	}

	private LetterSheet sheet(Letters.ExamRow exam) {
		Map<Long, Letters.LetterRow> byStaff = new HashMap<>();
		letters.letters(exam.id()).forEach(l -> byStaff.put(l.staffId(), l));
		List<LetterSheet.Line> lines = new ArrayList<>();
		for (StaffMembers.Row s : staff.ofCollege(exam.collegeId())) {
			Letters.LetterRow l = byStaff.get(s.id());
			if (l == null && !s.active()) {
				continue;
			}
			String fileName = l == null ? null : files.find(l.fileId()).map(StoredFile::originalName).orElse(null);
			lines.add(new LetterSheet.Line(s.view(), l == null ? null : l.id(), l == null ? null : l.signedOn(),
					fileName));
		}
		return new LetterSheet(exam.id(), exam.collegeId(), exam.name(), exam.examDate(), null, lines);
	}
}
