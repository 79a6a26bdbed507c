package cn.kaowu.platform.pilot;

import org.jspecify.annotations.Nullable;

/** One row of the majors table of an application form (专业名称 + 专业代码). */
public class MajorForm {

	private @Nullable String name;

	private @Nullable String code;

	public static MajorForm of(String name, String code) {
		MajorForm form = new MajorForm();
		form.setName(name);
		form.setCode(code);
		return form;
	}

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
}
