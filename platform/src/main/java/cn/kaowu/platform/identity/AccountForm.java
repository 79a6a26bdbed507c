package cn.kaowu.platform.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.kaowu.platform.kernel.Role;
import org.jspecify.annotations.Nullable;

/** Input to create or change an account (page form and REST API). */
public class AccountForm {

	@NotBlank(message = "{account.username.required}")
	@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{3,49}", message = "{account.username.pattern}")
	private @Nullable String username;

	@NotBlank(message = "{account.displayName.required}")
	@Size(max = 50, message = "{account.displayName.size}")
	private @Nullable String displayName;

	@NotNull(message = "{account.role.required}")
	private @Nullable Role role;

	private @Nullable Long organisationId;

	@Email(message = "{account.email.invalid}")
	@Size(max = 100, message = "{account.email.invalid}")
	private @Nullable String email;

	public @Nullable String getUsername() {
		return username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable Role getRole() {
		return role;
	}

	public void setRole(@Nullable Role role) {
		this.role = role;
	}

	public @Nullable Long getOrganisationId() {
		return organisationId;
	}

	public void setOrganisationId(@Nullable Long organisationId) {
		this.organisationId = organisationId;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}
}
