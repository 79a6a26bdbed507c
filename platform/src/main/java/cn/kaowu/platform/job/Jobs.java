package cn.kaowu.platform.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import cn.kaowu.platform.audit.AuditLog;
import cn.kaowu.platform.audit.AuditRecord;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.PageResult;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.kernel.Where;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.StoredFile;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits jobs and shows them to their owners. A job is visible to its organisation (and the administrator);
 * other ids answer 404.
 */
@Service
public class Jobs {

	static final String SELECT = "SELECT * FROM job";

	private final JdbcClient jdbc;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Jobs(JdbcClient jdbc, FileStorage files, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Queues a job; any node's runner picks it up within a second.
	 *
	 * @param input the uploaded file, already checked by the caller, or {@code null}
	 */
	@Transactional
	public JobView submit(Scope scope, String kind, String params, @Nullable String inputName, byte @Nullable [] input) {
		UUID id = UUID.randomUUID();
		UUID inputFile = null;
		if (input != null) {
			inputFile = files.saveGenerated(scope, "job-input", inputName == null ? "input" : inputName,
					"application/octet-stream", input).id();
		}
		jdbc.sql("""
				INSERT INTO job (id, kind, state, organisation_id, created_by, created_by_name, creator_role, province_id,
				  city_id, params, input_file_id, input_name, created_at)
				VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, kind, scope.organisationId(), scope.accountId(), scope.username(), scope.role().name(),
					scope.provinceId(), scope.cityId(), params, inputFile, inputName, Timestamp.from(clock.instant()))
			.update();
		audit.record(scope, AuditRecord.of("job.submit", "Job", id, null, "QUEUED", kind + " " + params,
				scope.organisationId()));
		return get(scope, id);
	}

	@Transactional(readOnly = true)
	public JobView get(Scope scope, UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?")
			.param(id)
			.query(MAPPER)
			.optional()
			.filter(job -> scope.isAdmin()
					|| (scope.organisationId() != null && scope.organisationId().equals(job.organisationId())))
			.orElseThrow(() -> new NotFoundProblem("任务", id));
	}

	/** The caller's organisation's jobs (all for the administrator), newest first, optionally of one kind. */
	@Transactional(readOnly = true)
	public PageResult<JobView> list(Scope scope, @Nullable String kind, PageQuery page) {
		Where where = Where.start();
		if (!scope.isAdmin()) {
			where.and("organisation_id = ?", scope.requireOrganisation());
		}
		return where.andIf(kind, "kind = ?").page(jdbc, "SELECT *", "FROM job", "created_at DESC", page, MAPPER);
	}

	/** A file of the job ({@code input}, {@code result} or {@code report}) if the caller may see the job. */
	@Transactional(readOnly = true)
	public StoredFile file(Scope scope, UUID jobId, String which) {
		JobView job = get(scope, jobId);
		UUID fileId = switch (which) {
			case "input" -> job.inputFileId();
			case "result" -> job.resultFileId();
			case "report" -> job.reportFileId();
			default -> null;
		};
		if (fileId == null) {
			throw new NotFoundProblem("任务文件", which);
		}
		return files.find(fileId).orElseThrow(() -> new NotFoundProblem("任务文件", which));
	}

	public byte[] read(StoredFile file) {
		return files.read(file.id());
	}

	static Scope scopeOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Scope((Long) rs.getObject("created_by"), rs.getString("created_by_name"),
				Role.valueOf(rs.getString("creator_role")), (Long) rs.getObject("organisation_id"),
				(Long) rs.getObject("province_id"), (Long) rs.getObject("city_id"));
	}

	static final RowMapper<JobView> MAPPER = (rs, n) -> new JobView(rs.getObject("id", UUID.class), rs.getString("kind"),
			JobState.valueOf(rs.getString("state")), (Long) rs.getObject("organisation_id"),
			rs.getString("created_by_name"), rs.getString("params"), rs.getString("input_name"), rs.getInt("total"),
			rs.getInt("processed"), rs.getInt("succeeded"), rs.getInt("failed"), rs.getString("message"),
			rs.getObject("input_file_id", UUID.class), rs.getObject("result_file_id", UUID.class),
			rs.getObject("report_file_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
			rs.getTimestamp("started_at") == null ? null : rs.getTimestamp("started_at").toInstant(),
			rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
}
