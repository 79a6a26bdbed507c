package cn.kaowu.platform.materials;

/** The printed materials and the file name each gets in the zip. */
public enum MaterialKind {

	/** 准考证: one A4 page per candidate, with photo, seat, subjects, rules and a QR code of the ticket number. */
	TICKETS("准考证"),

	/** 桌贴: ten labels per A4 page, one per seat. */
	DESK_LABELS("桌贴"),

	/** 门贴: one A4 landscape page per room and slot. */
	DOOR_LABEL("门贴"),

	/** 考场签到表: candidates with photo and a box to sign, per room and slot (theory and practice each). */
	SIGN_IN_SHEET("考场签到表"),

	/** 考场情况记录表: absentees, violations, incidents, signatures; per room and slot. */
	ROOM_RECORD("考场情况记录表"),

	/** 巡考情况记录表: one per site, a line per room and slot. */
	PATROL_RECORD("巡考情况记录表"),

	/** 考场封场确认单: one per site, the checks before sealing and a line per room. */
	SEAL_CONFIRMATION("考场封场确认单"),

	/** 考务人员承诺书: one per site, the pledge and one table for every person's signature. */
	STAFF_PLEDGE("考务人员承诺书");

	private final String title;

	MaterialKind(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}
}
