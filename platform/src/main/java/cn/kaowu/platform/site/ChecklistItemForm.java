package cn.kaowu.platform.site;

import org.jspecify.annotations.Nullable;

/** Input of a checklist item (page form and REST body). */
public class ChecklistItemForm {

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
