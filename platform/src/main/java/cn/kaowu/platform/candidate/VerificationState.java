package cn.kaowu.platform.candidate;

import java.util.Set;

/**
 * Where a candidate's identity verification is (004 ch.3 §3.3.1). Only {@link #VERIFIED} candidates can register.
 */
public enum VerificationState {
	/** 无照片: imported without a photo; uploading one makes it {@link #PENDING_VERIFICATION}. */
	NO_PHOTO,
	/** 信息待认证: has a photo; waits for 认证 (and, with the national service, its answer within about 24 h). */
	PENDING_VERIFICATION,
	/** 信息准确: verified (by the service, or confirmed by the college after a manual check). */
	VERIFIED,
	/** 需人工确认: the check failed or cannot be done offline; the college confirms after checking the documents. */
	NEEDS_MANUAL_CHECK;

	public boolean canMoveTo(VerificationState next) {
		return switch (this) {
			case NO_PHOTO -> next == PENDING_VERIFICATION;
			case PENDING_VERIFICATION -> Set.of(VERIFIED, NEEDS_MANUAL_CHECK, NO_PHOTO).contains(next);
			case NEEDS_MANUAL_CHECK -> Set.of(VERIFIED, PENDING_VERIFICATION, NO_PHOTO).contains(next);
			case VERIFIED -> false;
		};
	}

	/** Whether name, ID type, ID number and photo are locked. */
	public boolean identityLocked() {
		return this == VERIFIED;
	}

	public String messageKey() {
		return "candidate.state." + name();
	}

	/** The refusal of a move, naming the current state. */
	cn.kaowu.platform.kernel.IllegalStateTransition refused(String action) {
		return new cn.kaowu.platform.kernel.IllegalStateTransition("考生",
				new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] { messageKey() },
						name()),
				action);
	}

	public String tag() {
		return switch (this) {
			case NO_PHOTO -> "tag-info";
			case PENDING_VERIFICATION -> "tag-warning";
			case VERIFIED -> "tag-success";
			case NEEDS_MANUAL_CHECK -> "tag-danger";
		};
	}
}
