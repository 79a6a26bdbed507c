package cn.kaowu.platform.identity;

import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A re-entered password (the in-app signature of 证书确认) counts like a login: five wrong ones lock the account. */
@IntegrationTest
class SignatureLockoutIntegrationTest {

	@Autowired
	TestWorld world;

	@Autowired
	AccountManagement accounts;

	@Test
	void wrongSignaturePasswordsLockTheAccountLikeLogins() {
		Scope org = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThat(accounts.verifyOwnPassword(org, TestWorld.PASSWORD)).isTrue();
		for (int i = 0; i < 4; i++) {
			assertThat(accounts.verifyOwnPassword(org, "wrong-" + i)).isFalse();
		}
		assertThatThrownBy(() -> accounts.verifyOwnPassword(org, "wrong-5")).isInstanceOf(InvalidInputProblem.class)
			.extracting("fieldProblems").asString().contains("login.lockedNow");
		assertThatThrownBy(() -> accounts.verifyOwnPassword(org, TestWorld.PASSWORD))
			.as("the right password no longer signs while the account is locked")
			.isInstanceOf(InvalidInputProblem.class).extracting("fieldProblems").asString().contains("login.locked");
	}

	@Test
	void rightSignaturesDoNotUseUpTheHourlyLimitOfTries() {
		AccountView account = world.account(Role.ORG, world.trainingOrg());
		Scope org = world.scopeOf(account);
		for (int i = 0; i <= LockoutPolicy.MAX_ATTEMPTS_PER_HOUR; i++) {
			assertThat(accounts.verifyOwnPassword(org, TestWorld.PASSWORD)).as("signature %d", i + 1).isTrue();
		}
		// A wrong one still counts toward the lockout after so many right ones.
		assertThat(accounts.verifyOwnPassword(org, "wrong")).isFalse();
	}
}
