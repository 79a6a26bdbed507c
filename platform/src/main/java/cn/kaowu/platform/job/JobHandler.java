package cn.kaowu.platform.job;

/**
 * The work of one kind of job. Implementations are beans; {@link #kind()} names them. {@link #run} must
 * leave no partial state when it throws: apply changes in one transaction, or make them idempotent so that
 * running the job again gives the same end state.
 */
public interface JobHandler {

	String kind();

	void run(JobContext context) throws Exception;
}
