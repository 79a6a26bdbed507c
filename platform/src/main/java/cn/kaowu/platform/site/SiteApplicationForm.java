package cn.kaowu.platform.site;

import org.jspecify.annotations.Nullable;

/** Input of a site application (page form and REST body); the files travel separately (multipart). */
public class SiteApplicationForm {

	private @Nullable Long certificateId;

	private @Nullable String contactName;

	private @Nullable String contactPhone;

	private @Nullable Integer roomCount;

	private @Nullable Integer seatCount;

	private @Nullable String description;

	private @Nullable Integer version;

	public static SiteApplicationForm of(long certificateId, String contactName, String contactPhone, int rooms,
			int seats, String description) {
		SiteApplicationForm form = new SiteApplicationForm();
		form.setCertificateId(certificateId);
		form.setContactName(contactName);
		form.setContactPhone(contactPhone);
		form.setRoomCount(rooms);
		form.setSeatCount(seats);
		form.setDescription(description);
		return form;
	}

	public @Nullable Long getCertificateId() {
		return certificateId;
	}

	public void setCertificateId(@Nullable Long certificateId) {
		this.certificateId = certificateId;
	}

	public @Nullable String getContactName() {
		return contactName;
	}

	public void setContactName(@Nullable String contactName) {
		this.contactName = contactName;
	}

	public @Nullable String getContactPhone() {
		return contactPhone;
	}

	public void setContactPhone(@Nullable String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public @Nullable Integer getRoomCount() {
		return roomCount;
	}

	public void setRoomCount(@Nullable Integer roomCount) {
		this.roomCount = roomCount;
	}

	public @Nullable Integer getSeatCount() {
		return seatCount;
	}

	public void setSeatCount(@Nullable Integer seatCount) {
		this.seatCount = seatCount;
	}

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
