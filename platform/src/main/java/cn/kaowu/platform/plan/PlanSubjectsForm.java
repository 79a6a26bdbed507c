package cn.kaowu.platform.plan;

import java.util.ArrayList;
import java.util.List;

/** The subjects of a plan, replacing the ones it had (page form and REST body). */
public class PlanSubjectsForm {

	private List<PlanSubjectForm> subjects = new ArrayList<>();

	public static PlanSubjectsForm of(List<PlanSubjectForm> subjects) {
		PlanSubjectsForm form = new PlanSubjectsForm();
		form.setSubjects(new ArrayList<>(subjects));
		return form;
	}

	public List<PlanSubjectForm> getSubjects() {
		return subjects;
	}

	public void setSubjects(List<PlanSubjectForm> subjects) {
		this.subjects = subjects;
	}
}
