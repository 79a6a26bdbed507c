package cn.kaowu.platform.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Input to change a level's certificate code. The level (初级/中级/高级) cannot change; subjects are edited
 * one by one.
 */
public class LevelEditForm {

	@NotBlank(message = "{catalog.level.code.required}")
	@Pattern(regexp = "^$|^[0-9]{16}$", message = "{catalog.level.code.pattern}")
	private @Nullable String code;

	private @Nullable Integer version;

	/** A filled form (a factory, not a constructor, so that JSON binding keeps using the setters). */
	public static LevelEditForm of(String code) {
		LevelEditForm form = new LevelEditForm();
		form.setCode(code);
		return form;
	}

	public @Nullable String getCode() {
		return code;
	}

	public void setCode(@Nullable String code) {
		this.code = code;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
