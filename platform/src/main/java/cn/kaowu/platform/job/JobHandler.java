package cn.kaowu.platform.job;

/**
 * The work of one kind of job. Implementations are beans; {@link #kind()} names them. {@link #run} must
 * leave no partial state when it throws: apply changes in one transaction, or make them idempotent so that
 * running the job again gives the same end state.
 */
public interface JobHandler {

	String kind();

	/**
	 * Whether the job imports rows (its {@link JobContext#finish} counts are rows taken in and refused): they are
	 * counted in the {@code kaowu.imports.*} metrics. By convention the kinds named {@code …-import}.
	 */
	default boolean importsRows() {
		return kind().endsWith("-import");
	}

	void run(JobContext context) throws Exception;
}
