package cn.kaowu.platform.certificate;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One row of the issuance list (证书发放名单): a candidate who passed a level of a plan. */
public record IssueView(long id, long planId, long candidateId, long levelId, String levelCode,
		String levelDisplayName, long collegeId, String collegeName, String name, String idNumberMasked, int year,
		IssueStatus status, @Nullable Instant collegeConfirmedAt, @Nullable Instant orgConfirmedAt,
		@Nullable String refusalReason, @Nullable String certificateNumber) {
}
