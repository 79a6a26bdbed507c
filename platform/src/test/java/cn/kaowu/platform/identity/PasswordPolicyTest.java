package cn.kaowu.platform.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

	private final PasswordPolicy policy = PasswordPolicy.standard();

	@Test
	void sevenCharactersAreTooShortEightAreEnough() {
		assertThat(policy.violations("Ab3$xyz", "someone")).contains("password.tooShort");
		assertThat(policy.violations("Ab3$xyzq", "someone")).isEmpty();
	}

	@Test
	void needsThreeOfFourCharacterClasses() {
		assertThat(policy.violations("abcdefgh12", "someone")).containsExactly("password.classes");
		assertThat(policy.violations("ABCDEFGH!!", "someone")).containsExactly("password.classes");
		assertThat(policy.violations("abcdEFGH12", "someone")).isEmpty();
		assertThat(policy.violations("abcdefgh1!", "someone")).isEmpty();
		assertThat(PasswordPolicy.characterClasses("aA1!")).isEqualTo(4);
		assertThat(PasswordPolicy.characterClasses("考务考务考务考务")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "P@ssw0rd", "Passw0rd", "Aa123456", "Qwer1234!", "Admin@123", "1qaz@WSX" })
	void commonPasswordsAreRefusedEvenWhenTheyHaveThreeClasses(String common) {
		assertThat(PasswordPolicy.characterClasses(common)).isGreaterThanOrEqualTo(3);
		assertThat(policy.violations(common, "someone")).contains("password.common");
	}

	@Test
	void mustNotContainTheUserName() {
		assertThat(policy.violations("Njit-Admin-2026", "njit")).containsExactly("password.containsUsername");
	}

	@Test
	void atMostSixtyFourCharacters() {
		String base = "Aa1!";
		assertThat(policy.violations(base.repeat(16), "x")).isEmpty();
		assertThat(policy.violations(base.repeat(16) + "b", "x")).containsExactly("password.tooLong");
	}

	@Test
	void generatedInitialPasswordsMeetThePolicy() {
		for (int i = 0; i < 200; i++) {
			assertThat(policy.violations(AccountManagement.generatePassword(), "someone")).isEmpty();
		}
	}
}
