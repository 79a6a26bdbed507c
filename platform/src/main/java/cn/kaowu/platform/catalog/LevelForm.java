package cn.kaowu.platform.catalog;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Input to add a level to a certificate together with its subjects, in one step. Rows whose name and code
 * are both empty are skipped; at least one subject is required. The whole form is checked by the service
 * in one pass (not by annotations) so that every problem, in every row, is reported at once; field names
 * of row problems are {@code subjects[i].code} etc., with {@code i} the row as sent.
 */
public class LevelForm {

	private @Nullable CertificateLevel level;

	private @Nullable String code;

	private List<SubjectForm> subjects = new ArrayList<>();

	/** A filled form (a factory, not a constructor, so that JSON binding keeps using the setters). */
	public static LevelForm of(CertificateLevel level, String code, List<SubjectForm> subjects) {
		LevelForm form = new LevelForm();
		form.setLevel(level);
		form.setCode(code);
		form.setSubjects(new ArrayList<>(subjects));
		return form;
	}

	public @Nullable CertificateLevel getLevel() {
		return level;
	}

	public void setLevel(@Nullable CertificateLevel level) {
		this.level = level;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public List<SubjectForm> getSubjects() {
		return subjects;
	}

	public void setSubjects(@Nullable List<SubjectForm> subjects) {
		this.subjects = subjects == null ? new ArrayList<>() : subjects;
	}
}
