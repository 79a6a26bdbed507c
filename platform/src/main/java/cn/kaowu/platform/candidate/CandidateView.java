package cn.kaowu.platform.candidate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A candidate as lists, exports and the API show it: the ID number masked, the phone masked. */
public record CandidateView(long id, long collegeId, CandidateKind kind, String name, String pinyin,
		CandidateGender gender, IdType idType, String idNumberMasked, String phoneMasked, int enrolmentYear,
		String educationLevel, String majorName, String majorCode, boolean hasPhoto, VerificationState state,
		@Nullable String stateNote, int registrations, int version, Instant createdAt) {
}
