package cn.kaowu.platform.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * Input for one subject: on its own (add to a level, edit) or as a row of a {@link LevelForm}. The
 * annotations give early feedback on the single-subject form; the service checks the same rules again
 * (including the code prefix, which depends on the level) for every caller.
 */
public class SubjectForm {

	@NotBlank(message = "{catalog.subject.name.required}")
	@Size(max = 30, message = "{catalog.subject.name.size}")
	private @Nullable String name;

	@NotBlank(message = "{catalog.subject.code.required}")
	@Pattern(regexp = "^$|^[0-9]{19}$", message = "{catalog.subject.code.pattern}")
	private @Nullable String code;

	@NotNull(message = "{catalog.subject.examMode.required}")
	private @Nullable ExamMode examMode;

	@NotNull(message = "{catalog.subject.passMark.required}")
	@Min(value = 0, message = "{catalog.subject.passMark.range}")
	@Max(value = 100, message = "{catalog.subject.passMark.range}")
	private @Nullable Integer passMark = CatalogRules.DEFAULT_PASS_MARK;

	private @Nullable Integer version;

	/** A filled form (a factory, not a constructor, so that JSON binding keeps using the setters). */
	public static SubjectForm of(String name, String code, ExamMode examMode, int passMark) {
		SubjectForm form = new SubjectForm();
		form.setName(name);
		form.setCode(code);
		form.setExamMode(examMode);
		form.setPassMark(passMark);
		return form;
	}

	/** A row the user left empty (no name and no code); such rows of a level form are skipped. */
	public boolean isBlank() {
		return (name == null || name.isBlank()) && (code == null || code.isBlank());
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable ExamMode getExamMode() {
		return examMode;
	}

	public void setExamMode(@Nullable ExamMode examMode) {
		this.examMode = examMode;
	}

	public @Nullable Integer getPassMark() {
		return passMark;
	}

	public void setPassMark(@Nullable Integer passMark) {
		this.passMark = passMark;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
