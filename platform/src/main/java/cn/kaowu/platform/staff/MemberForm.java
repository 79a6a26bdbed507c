package cn.kaowu.platform.staff;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Input to add a committee member: either {@code staffId} (a person of the college's staff database) or an
 * external person with name, organisation and years of experience (巡视组 and 仲裁组 only), possibly appointed by
 * the ORG. {@code leader} makes the new member the group leader, replacing the current one.
 */
public class MemberForm {

	private @Nullable CommitteeGroup group;

	private @Nullable Long staffId;

	private @Nullable String externalName;

	private @Nullable String externalOrganisation;

	private @Nullable BigDecimal externalYears;

	private boolean orgAppointed;

	private boolean leader;

	public static MemberForm staff(CommitteeGroup group, long staffId, boolean leader) {
		MemberForm form = new MemberForm();
		form.setGroup(group);
		form.setStaffId(staffId);
		form.setLeader(leader);
		return form;
	}

	public static MemberForm external(CommitteeGroup group, String name, String organisation, BigDecimal years,
			boolean leader) {
		MemberForm form = new MemberForm();
		form.setGroup(group);
		form.setExternalName(name);
		form.setExternalOrganisation(organisation);
		form.setExternalYears(years);
		form.setLeader(leader);
		return form;
	}

	public @Nullable CommitteeGroup getGroup() {
		return group;
	}

	public void setGroup(@Nullable CommitteeGroup group) {
		this.group = group;
	}

	public @Nullable Long getStaffId() {
		return staffId;
	}

	public void setStaffId(@Nullable Long staffId) {
		this.staffId = staffId;
	}

	public @Nullable String getExternalName() {
		return externalName;
	}

	public void setExternalName(@Nullable String externalName) {
		this.externalName = externalName;
	}

	public @Nullable String getExternalOrganisation() {
		return externalOrganisation;
	}

	public void setExternalOrganisation(@Nullable String externalOrganisation) {
		this.externalOrganisation = externalOrganisation;
	}

	public @Nullable BigDecimal getExternalYears() {
		return externalYears;
	}

	public void setExternalYears(@Nullable BigDecimal externalYears) {
		this.externalYears = externalYears;
	}

	public boolean isOrgAppointed() {
		return orgAppointed;
	}

	public void setOrgAppointed(boolean orgAppointed) {
		this.orgAppointed = orgAppointed;
	}

	public boolean isLeader() {
		return leader;
	}

	public void setLeader(boolean leader) {
		this.leader = leader;
	}
}
