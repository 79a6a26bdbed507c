package cn.kaowu.platform.schedule;

import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.ProblemMessages;
import org.springframework.stereotype.Component;

/**
 * 排考 from the page as a background job: a national plan takes seconds, so the ORG gets the live progress page and
 * may leave it. The run is one transaction ({@link Scheduling#run}): a job whose node died (kill -9, crash) has stored
 * nothing and is queued again by the dead-node sweep, up to three claims, then failed with its record
 * ({@code crash.PlatformCrashTest}).
 */
@Component
class ScheduleJob implements JobHandler {

	static final String KIND = "schedule-run";

	private final Scheduling scheduling;

	private final ProblemMessages messages;

	ScheduleJob(Scheduling scheduling, ProblemMessages messages) {
		this.scheduling = scheduling;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(JobContext context) {
		String[] params = context.params().split(":");
		long planId = Long.parseLong(params[0]);
		Long siteId = params.length > 1 ? Long.valueOf(params[1]) : null;
		context.progress(0, 1);
		Scheduling.RunSummary summary = scheduling.run(context.scope(), planId, siteId);
		if (!summary.blocked().isEmpty()) {
			context.attachReport("未能排考的站点.txt", "text/plain;charset=UTF-8",
					String.join("\n", summary.blocked()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		context.progress(1, 1);
		String done = messages.text("schedule.ran", summary.sites(), summary.records());
		context.finish(summary.sites(), summary.blocked().size(), summary.blocked().isEmpty() ? done
				: done + "；" + messages.text("schedule.ranBlocked", String.join("；", summary.blocked())));
	}
}
