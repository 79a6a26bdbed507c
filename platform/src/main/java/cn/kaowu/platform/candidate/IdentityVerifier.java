package cn.kaowu.platform.candidate;

import org.jspecify.annotations.Nullable;

/**
 * The national identity-verification service (公安系统照片比对) as this module sees it. The default
 * {@link OfflineIdentityVerifier} checks what can be checked without it; an adapter to the real service answers
 * {@link Outcome#PENDING} and reports later through {@link CandidateManagement#applyVerification}.
 */
public interface IdentityVerifier {

	/** What the verifier is shown: the person's documents and photo. */
	record Subject(long candidateId, String name, IdType idType, String idNumber, byte @Nullable [] photo) {
	}

	/** The answer: a state and, unless verified, the reason shown to the college. */
	record Result(Outcome outcome, @Nullable String reasonKey) {

		public static Result verified() {
			return new Result(Outcome.VERIFIED, null);
		}

		public static Result manual(String reasonKey) {
			return new Result(Outcome.NEEDS_MANUAL_CHECK, reasonKey);
		}
	}

	enum Outcome {
		VERIFIED, NEEDS_MANUAL_CHECK, PENDING
	}

	Result verify(Subject subject);
}
