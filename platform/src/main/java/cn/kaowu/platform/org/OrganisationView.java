package cn.kaowu.platform.org;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What other modules and the UI see of an organisation. */
public record OrganisationView(long id, OrganisationType type, String name, String code, @Nullable Long provinceId,
		@Nullable String provinceName, @Nullable Long cityId, @Nullable String cityName, @Nullable String contactName,
		@Nullable String contactPhone, boolean enabled, int version, Instant createdAt) {
}
