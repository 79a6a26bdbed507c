package cn.kaowu.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With N platform nodes every {@code @Scheduled} method runs on every node: each must either take a scheduler lock
 * (run once across the nodes) or be work that belongs to each node, listed here with the reason.
 */
class SchedulerLockConventionTest {

	/** Per-node work: JobRunner.poll claims with SKIP LOCKED, JobRunner.heartbeat beats for this node's own jobs. */
	static final Set<String> PER_NODE = Set.of("JobRunner.poll", "JobRunner.heartbeat");

	@Test
	void everyScheduledMethodIsLockedOrPerNode() {
		List<String> scheduled = new ArrayList<>();
		List<String> unlocked = new ArrayList<>();
		for (JavaClass type : ArchitectureConventionsTest.CLASSES) {
			for (Method method : type.reflect().getDeclaredMethods()) {
				if (method.isAnnotationPresent(Scheduled.class)) {
					String name = type.getSimpleName() + "." + method.getName();
					scheduled.add(name);
					SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
					if (lock == null && !PER_NODE.contains(name)) {
						unlocked.add(name);
					}
					if (lock != null) {
						assertThat(lock.lockAtMostFor()).as(name + " lockAtMostFor").isNotEmpty();
					}
				}
			}
		}
		assertThat(scheduled).contains("ScoreLocks.scheduledSweep", "JobRunner.scheduledSweep",
				"SessionCleanup.scheduledCleanup", "EventPublicationRetry.retryFailed");
		assertThat(unlocked).as("@Scheduled without @SchedulerLock").isEmpty();
	}
}
