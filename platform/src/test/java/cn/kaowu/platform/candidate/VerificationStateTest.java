package cn.kaowu.platform.candidate;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static cn.kaowu.platform.candidate.VerificationState.*;
import static org.assertj.core.api.Assertions.assertThat;

class VerificationStateTest {

	@Test
	void everyPairOfStatesIsAllowedOrNot() {
		var allowed = java.util.Map.of(NO_PHOTO, Set.of(PENDING_VERIFICATION), PENDING_VERIFICATION,
				Set.of(VERIFIED, NEEDS_MANUAL_CHECK, NO_PHOTO), NEEDS_MANUAL_CHECK,
				Set.of(VERIFIED, PENDING_VERIFICATION, NO_PHOTO), VERIFIED, Set.<VerificationState>of());
		for (VerificationState from : values()) {
			for (VerificationState to : values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(allowed.get(from).contains(to));
			}
		}
		assertThat(VERIFIED.identityLocked()).isTrue();
		assertThat(NEEDS_MANUAL_CHECK.identityLocked()).isFalse();
	}

	@Test
	void theOfflineVerifierVerifiesOnlyIdCardsWithAValidPhoto() {
		var verifier = new OfflineIdentityVerifier();
		byte[] photo = Photos.image(295, 413, "jpg");
		String id = "11010519491231002X";
		assertThat(verifier.verify(new IdentityVerifier.Subject(1, "张三", IdType.ID_CARD, id, photo)).outcome())
			.isEqualTo(IdentityVerifier.Outcome.VERIFIED);
		assertThat(verifier.verify(new IdentityVerifier.Subject(1, "张三", IdType.PASSPORT, "E12345678", photo)))
			.isEqualTo(IdentityVerifier.Result.manual("candidate.verify.notIdCard"));
		assertThat(verifier.verify(new IdentityVerifier.Subject(1, "张三", IdType.ID_CARD, id, null)))
			.isEqualTo(IdentityVerifier.Result.manual("candidate.verify.noPhoto"));
		assertThat(verifier.verify(new IdentityVerifier.Subject(1, "张三", IdType.ID_CARD, id, Photos.image(100, 100, "png"))))
			.isEqualTo(IdentityVerifier.Result.manual("candidate.verify.badPhoto"));
	}
}
