package cn.kaowu.platform.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.kaowu.platform.audit.AuditEntry;
import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateView;
import cn.kaowu.platform.certificate.CertificateRegistry;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.RecordView;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.score.ScoreView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * 个人信息导出 (PIPL §45): everything the platform holds about one candidate, for the college's exam office to hand
 * to the candidate. A zip of {@code candidate.json} (profile with the full ID and phone numbers, registration records,
 * scores of each plan as far as the college may see them, certificates, the audit entries about the candidate) and
 * the photo. Every export is audited.
 */
@Service
public class CandidateDataExport {

	/** Audit action of an export. */
	public static final String EXPORTED = "personal-data.exported";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final CandidateManagement candidates;

	private final EnrollmentManagement enrollments;

	private final ScoreManagement scores;

	private final CertificateRegistry certificates;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	CandidateDataExport(CandidateManagement candidates, EnrollmentManagement enrollments, ScoreManagement scores,
			CertificateRegistry certificates, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.candidates = candidates;
		this.enrollments = enrollments;
		this.scores = scores;
		this.certificates = certificates;
		this.audit = audit;
		this.clock = clock;
	}

	/** The zip's name: {@code 个人信息-<name>-<last 4 of the ID number>.zip}. */
	public record Export(String fileName, byte[] zip) {
	}

	/**
	 * Not one transaction: each module's read runs in its own, so a plan whose scores the college may not see yet
	 * (refused by the score module) leaves the others intact; the audit entry is appended last, in its own.
	 */
	public Export export(Scope scope, long candidateId) {
		CandidateManagement.PersonalRecord person = candidates.personalRecord(scope, candidateId);
		CandidateView v = person.view();
		// Read before this export's own entry is appended: the file lists what happened before it.
		List<Map<String, Object>> auditEntries = auditEntries(scope, candidateId);
		List<RecordView> records = enrollments.recordsOf(scope, candidateId);
		Set<Long> plans = new LinkedHashSet<>();
		records.forEach(r -> plans.add(r.planId()));

		Map<String, Object> root = new LinkedHashMap<>();
		root.put("exportedAt", clock.instant().toString());
		root.put("exportedBy", scope.username());
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("id", v.id());
		profile.put("collegeId", v.collegeId());
		profile.put("kind", v.kind().name());
		profile.put("name", v.name());
		profile.put("pinyin", v.pinyin());
		profile.put("gender", v.gender().name());
		profile.put("idType", v.idType().name());
		profile.put("idNumber", person.idNumber());
		profile.put("phone", person.phone());
		profile.put("enrolmentYear", v.enrolmentYear());
		profile.put("educationLevel", v.educationLevel());
		profile.put("majorName", v.majorName());
		profile.put("majorCode", v.majorCode());
		profile.put("verificationState", v.state().name());
		profile.put("createdAt", v.createdAt().toString());
		profile.put("photo", person.photo().isPresent() ? "photo" + photoExtension(person.photo().get()) : null);
		root.put("candidate", profile);
		root.put("registrations", records.stream().map(CandidateDataExport::record).toList());
		List<Map<String, Object>> scoreRows = new ArrayList<>();
		List<Map<String, Object>> certificateRows = new ArrayList<>();
		for (long planId : plans) {
			try {
				for (ScoreView s : scores.ofCandidate(scope, planId, candidateId)) {
					scoreRows.add(score(s));
				}
			}
			catch (DomainException e) {
				// Scores of a plan not yet published to the college: the college holds none it could hand out.
			}
			for (CertificateRegistry.Issued c : certificates.issuedTo(planId, candidateId)) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("planId", planId);
				m.put("certificateNumber", c.certificateNumber());
				m.put("holderName", c.holderName());
				m.put("level", c.level());
				m.put("standing", c.standing().toString());
				certificateRows.add(m);
			}
		}
		root.put("scores", scoreRows);
		root.put("certificates", certificateRows);
		root.put("auditEntries", auditEntries);

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			zip.putNextEntry(new ZipEntry("candidate.json"));
			zip.write(JSON.writeValueAsBytes(root));
			zip.closeEntry();
			if (person.photo().isPresent()) {
				zip.putNextEntry(new ZipEntry("photo" + photoExtension(person.photo().get())));
				zip.write(person.photo().get());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		AuditRecord exported = AuditRecord.of(EXPORTED, "Candidate", candidateId, null, null,
				v.name() + " " + ChineseIdNumber.mask(person.idNumber()) + "：个人信息导出 (PIPL §45) "
						+ records.size() + " 条报考记录, " + scoreRows.size() + " 条成绩, " + certificateRows.size()
						+ " 本证书",
				v.collegeId());
		tx.executeWithoutResult(status -> audit.record(scope, exported));
		String last4 = person.idNumber().length() >= 4 ? person.idNumber().substring(person.idNumber().length() - 4)
				: "";
		return new Export("个人信息-" + v.name() + "-" + last4 + ".zip", out.toByteArray());
	}

	private List<Map<String, Object>> auditEntries(Scope scope, long candidateId) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (int page = 1;; page++) {
			PageResult<AuditEntry> p = audit.list(scope, "Candidate", String.valueOf(candidateId),
					new PageQuery(page, PageQuery.MAX_SIZE));
			for (AuditEntry e : p.items()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("seq", e.seq());
				m.put("occurredAt", e.occurredAt().toString());
				m.put("actor", e.actorName());
				m.put("action", e.action());
				m.put("fromState", e.fromState());
				m.put("toState", e.toState());
				m.put("detail", e.detail());
				out.add(m);
			}
			if (p.items().size() < PageQuery.MAX_SIZE) {
				return out;
			}
		}
	}

	private static Map<String, Object> record(RecordView r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("planId", r.planId());
		m.put("planName", r.planName());
		m.put("organisation", r.organisationName());
		m.put("certificate", r.certificateName());
		m.put("level", r.level().name());
		m.put("subject", r.subjectName());
		m.put("examMode", r.examMode().name());
		m.put("startsAt", r.startsAt().toString());
		m.put("endsAt", r.endsAt().toString());
		m.put("college", r.collegeName());
		m.put("siteCode", r.siteCode());
		m.put("siteName", r.siteName());
		m.put("ticketNumber", r.ticketNumber());
		m.put("room", r.roomName());
		m.put("seat", r.seatNumber());
		m.put("status", r.status().name());
		m.put("registeredAt", r.createdAt().toString());
		return m;
	}

	private static Map<String, Object> score(ScoreView s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("planId", s.planId());
		m.put("level", s.level().name());
		m.put("subject", s.subjectName());
		m.put("score", s.score() == null ? null : s.score().toPlainString());
		m.put("absent", s.absent());
		m.put("passed", s.passed());
		m.put("locked", s.locked());
		return m;
	}

	private static String photoExtension(byte[] photo) {
		return photo.length > 1 && (photo[0] & 0xff) == 0x89 ? ".png" : ".jpg";
	}
}
