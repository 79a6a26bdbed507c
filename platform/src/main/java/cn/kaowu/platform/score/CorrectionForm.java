package cn.kaowu.platform.score;

import org.jspecify.annotations.Nullable;

/** The ORG's correction of a score during publication: a new score or 缺考, and the reason (required). */
public class CorrectionForm {

	private @Nullable String score;

	private boolean absent;

	private @Nullable String reason;

	public static CorrectionForm of(@Nullable String score, boolean absent, @Nullable String reason) {
		CorrectionForm f = new CorrectionForm();
		f.score = score;
		f.absent = absent;
		f.reason = reason;
		return f;
	}

	public @Nullable String getScore() {
		return score;
	}

	public void setScore(@Nullable String score) {
		this.score = score;
	}

	public boolean isAbsent() {
		return absent;
	}

	public void setAbsent(boolean absent) {
		this.absent = absent;
	}

	public @Nullable String getReason() {
		return reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}
}
