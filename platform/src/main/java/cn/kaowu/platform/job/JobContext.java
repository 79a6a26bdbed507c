package cn.kaowu.platform.job;

import java.util.UUID;

import cn.kaowu.platform.kernel.Scope;
import org.jspecify.annotations.Nullable;

/** What a running job sees and reports through. */
public interface JobContext {

	UUID jobId();

	/** The scope of the person who submitted the job; the handler acts with it. */
	Scope scope();

	String params();

	/** The uploaded input, if any. */
	byte @Nullable [] input();

	/** The uploaded input of a job that needs one; a job without is refused in Chinese naming the file. */
	default byte[] requireInput() {
		byte[] input = input();
		if (input == null) {
			throw new cn.kaowu.platform.kernel.InvalidInputProblem("file", "upload.empty", String.valueOf(inputName()));
		}
		return input;
	}

	@Nullable
	String inputName();

	/** Reports progress; cheap to call often (written at most a few times a second). */
	void progress(int processed, int total);

	/** Final counts and a summary shown to the user. */
	void finish(int succeeded, int failed, String message);

	/** Attaches a result file (e.g. an export) the user can download. */
	void attachResult(String name, String contentType, byte[] content);

	/** Attaches a report file (e.g. failed rows with reasons) the user can download. */
	void attachReport(String name, String contentType, byte[] content);
}
