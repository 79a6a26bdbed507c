package cn.kaowu.platform.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Input to create or change an organisation, shared by the page form and the REST API. */
public class OrganisationForm {

	@NotNull(message = "{org.type.required}")
	private @Nullable OrganisationType type;

	@NotBlank(message = "{org.name.required}")
	@Size(max = 100, message = "{org.name.size}")
	private @Nullable String name;

	@NotBlank(message = "{org.code.required}")
	@Pattern(regexp = "[0-9A-Za-z_-]{2,40}", message = "{org.code.pattern}")
	private @Nullable String code;

	private @Nullable Long provinceId;

	private @Nullable Long cityId;

	@Size(max = 50, message = "{org.contactName.size}")
	private @Nullable String contactName;

	@Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{org.contactPhone.pattern}")
	private @Nullable String contactPhone;

	private @Nullable Integer version;

	public @Nullable OrganisationType getType() {
		return type;
	}

	public void setType(@Nullable OrganisationType type) {
		this.type = type;
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

	public @Nullable Long getProvinceId() {
		return provinceId;
	}

	public void setProvinceId(@Nullable Long provinceId) {
		this.provinceId = provinceId;
	}

	public @Nullable Long getCityId() {
		return cityId;
	}

	public void setCityId(@Nullable Long cityId) {
		this.cityId = cityId;
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

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
