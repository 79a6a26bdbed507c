package cn.kaowu.platform.staff;

import org.jspecify.annotations.Nullable;

/** Input to declare a close relative who may sit an exam (name, ID number, relation such as 子女/配偶). */
public class RelativeForm {

	private @Nullable String name;

	private @Nullable String idNumber;

	private @Nullable String relation;

	public static RelativeForm of(String name, String idNumber, String relation) {
		RelativeForm form = new RelativeForm();
		form.setName(name);
		form.setIdNumber(idNumber);
		form.setRelation(relation);
		return form;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(@Nullable String idNumber) {
		this.idNumber = idNumber;
	}

	public @Nullable String getRelation() {
		return relation;
	}

	public void setRelation(@Nullable String relation) {
		this.relation = relation;
	}
}
