/**
 * Candidates (考生管理, DOMAIN.md §6, 004 ch.3 §3): the 院校考生 and 社会考生 lists of each college.
 * <ul>
 * <li>A candidate ({@code candidate}) is imported once: identity = ID type + ID number across all colleges
 * (database constraint). ID numbers are stored whole and masked in every list, export, API view and audit entry.</li>
 * <li>Import: the exact template of DOMAIN.md §6 as a job ({@link cn.kaowu.platform.candidate.ImportCandidates}):
 * every row checked ({@link cn.kaowu.platform.candidate.CandidateRules}, pinyin against the name with
 * {@link cn.kaowu.platform.candidate.NamePinyin}), duplicates refused, good rows stored with one COPY in one
 * transaction, failed rows downloadable with 失败原因.</li>
 * <li>Photos: a zip of {@code <证件号码>.jpg|png} as a job ({@link cn.kaowu.platform.candidate.UploadPhotos},
 * {@link cn.kaowu.platform.candidate.CandidatePhotos}); stored in the storage module (category
 * {@code candidate-photo}).</li>
 * <li>Verification: {@link cn.kaowu.platform.candidate.VerificationState}; uploading a photo makes a candidate
 * 信息待认证, 认证 asks the {@link cn.kaowu.platform.candidate.IdentityVerifier} (offline by default), 人工确认
 * settles 需人工确认. After 信息准确, name, ID type, ID number and photo are locked.</li>
 * <li>Registration calls {@code requireVerified}; it answers {@link cn.kaowu.platform.candidate.RegistrationCounts}
 * from its records, and a candidate registered for a plan cannot be deleted.</li>
 * </ul>
 * Texts are in the bundle {@code i18n/candidate}.
 */
@org.jspecify.annotations.NullMarked
package cn.kaowu.platform.candidate;
