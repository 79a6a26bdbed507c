package cn.kaowu.platform.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Input to create or rename a certificate (page form and REST API). */
public class CertificateForm {

	@NotBlank(message = "{catalog.certificate.name.required}")
	@Size(max = 50, message = "{catalog.certificate.name.size}")
	private @Nullable String name;

	private @Nullable Integer version;

	/** A form with a name (a factory, not a constructor, so that JSON binding keeps using the setters). */
	public static CertificateForm of(String name) {
		CertificateForm form = new CertificateForm();
		form.setName(name);
		return form;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable Integer getVersion() {
		return version;
	}

	public void setVersion(@Nullable Integer version) {
		this.version = version;
	}
}
