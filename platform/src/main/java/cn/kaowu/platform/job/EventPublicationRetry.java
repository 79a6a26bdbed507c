package cn.kaowu.platform.job;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed event publications (a notification whose e-mail server was down, a listener of a node that died:
 * Spring Modulith marks publications stuck in processing for {@code spring.modulith.events.staleness.processing} as
 * failed) on one node. This replaces republishing every outstanding publication when a node starts, which with
 * several nodes would hand another node's in-flight events to a second listener.
 */
@Component
class EventPublicationRetry {

	/** A publication must have failed at least this long ago: a listener that just failed is not retried at once. */
	static final Duration MIN_AGE = Duration.ofMinutes(1);

	private final FailedEventPublications failed;

	EventPublicationRetry(FailedEventPublications failed) {
		this.failed = failed;
	}

	/**
	 * At most 10 minutes: resubmission hands the events to their listeners and returns; a lock left by a node that
	 * died mid-run then expires before the next retry is due. At least 1 minute: other nodes' timers, started at other
	 * moments, skip the retry that one node has just done.
	 */
	@Scheduled(fixedDelayString = "${kaowu.events.retry-ms:300000}", initialDelayString = "${kaowu.events.retry-ms:300000}")
	@SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	void retryFailed() {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(MIN_AGE));
	}
}
