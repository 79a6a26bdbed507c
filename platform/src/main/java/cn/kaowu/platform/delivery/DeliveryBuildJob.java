package cn.kaowu.platform.delivery;

import java.nio.charset.StandardCharsets;

import cn.kaowu.platform.job.JobContext;
import cn.kaowu.platform.job.JobHandler;
import cn.kaowu.platform.kernel.ProblemMessages;
import org.springframework.stereotype.Component;

/**
 * 生成试卷包 from the page as a background job with live progress: each package costs about 0.6 s (the emergency
 * code's key derivation), so a plan of many sites takes minutes. Packages are stored one transaction each
 * ({@link Delivery#build(cn.kaowu.platform.kernel.Scope, long, java.util.function.BiConsumer)}).
 */
@Component
class DeliveryBuildJob implements JobHandler {

	static final String KIND = "delivery-build";

	private final Delivery delivery;

	private final ProblemMessages messages;

	DeliveryBuildJob(Delivery delivery, ProblemMessages messages) {
		this.delivery = delivery;
		this.messages = messages;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(JobContext context) {
		long planId = Long.parseLong(context.params());
		Delivery.BuildSummary summary = delivery.build(context.scope(), planId, context::progress);
		if (!summary.skipped().isEmpty()) {
			context.attachReport("未生成的试卷包.txt", "text/plain;charset=UTF-8",
					String.join("\n", summary.skipped()).getBytes(StandardCharsets.UTF_8));
		}
		String done = messages.text("delivery.built", summary.packages());
		context.finish(summary.packages(), summary.skipped().size(),
				summary.skipped().isEmpty() ? done : done + "；" + messages.text("delivery.skipped") + String.join("；", summary.skipped()));
	}
}
