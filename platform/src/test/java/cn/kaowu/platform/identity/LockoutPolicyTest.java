package cn.kaowu.platform.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutPolicyTest {

	private static final Instant NOW = Instant.parse("2026-06-26T06:00:00Z");

	@Test
	void fourthFailureDoesNotLockFifthLocksForFifteenMinutes() {
		var fourth = LockoutPolicy.afterFailure(NOW, 3);
		assertThat(fourth.lockedNow()).isFalse();
		assertThat(fourth.failedAttempts()).isEqualTo(4);

		var fifth = LockoutPolicy.afterFailure(NOW, 4);
		assertThat(fifth.lockedNow()).isTrue();
		assertThat(fifth.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(fifth.failedAttempts()).isZero();
	}

	@Test
	void lockHoldsUntilItsLastSecondAndOpensExactlyAtItsEnd() {
		Instant until = NOW.plus(LockoutPolicy.LOCK_DURATION);
		assertThat(LockoutPolicy.gate(until.minusSeconds(1), until, 0)).isInstanceOf(LockoutPolicy.Locked.class);
		assertThat(LockoutPolicy.gate(until, until, 0)).isInstanceOf(LockoutPolicy.Open.class);
	}

	@Test
	void ninetyNinePreviousTriesAllowAnotherTheHundredthIsTheLast() {
		assertThat(LockoutPolicy.gate(NOW, null, 99)).isInstanceOf(LockoutPolicy.Open.class);
		assertThat(LockoutPolicy.gate(NOW, null, 100)).isInstanceOf(LockoutPolicy.HourlyLimit.class);
	}
}
