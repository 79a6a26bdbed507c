package cn.kaowu.platform.candidate;

import cn.kaowu.platform.kernel.PersonalData;

/**
 * What registration copies from a candidate (004 ch.3 §3: once registered for a plan, later edits of the candidate
 * do not change the plan's copy). Carries the full ID number because the registration record keeps it for tickets
 * and identity checks on exam day; everything that shows it masks it.
 *
 * @param id the candidate
 * @param collegeId the college whose list the candidate is in
 * @param kind 院校考生 or 社会考生
 * @param idNumber the full ID number (as looked up or opened)
 * @param sealed the ID and phone numbers as stored, copied into the registration records without being opened
 * @param state registration requires {@link VerificationState#VERIFIED}
 */
public record Registrant(long id, long collegeId, CandidateKind kind, String name, String pinyin,
		CandidateGender gender, IdType idType, String idNumber, PersonalData.Sealed sealed, String majorName,
		String majorCode, VerificationState state) {
}
