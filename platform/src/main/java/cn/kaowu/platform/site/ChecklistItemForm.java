package cn.kaowu.platform.site;

import java.io.Serial;
import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Input of a checklist item (page form and REST body). Serializable: a refused form is kept as a flash attribute,
 * which lives in the session, and sessions are stored in the database.
 */
public class ChecklistItemForm implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private @Nullable String category;

	private @Nullable String requirement;

	private @Nullable String source;

	private @Nullable Integer version;

	public static ChecklistItemForm of(String category, String requirement, @Nullable String source) {
		ChecklistItemForm form = new ChecklistItemForm();
		form.setCategory(category);
		form.setRequirement(requirement);
		form.setSource(source);
		return form;
	}

	public @Nullable String getCategory() {
		return category;
	}

	public void setCategory(@Nullable String category) {
		this.category = category;
	}

	public @Nullable String getRequirement() {
		return requirement;
	}

	public void setRequirement(@Nullable String requirement) {
		this.requirement = requirement;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
