package cn.kaowu.platform.storage;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Metadata of a stored file. */
public record StoredFile(UUID id, String category, String originalName, String contentType, long sizeBytes,
		String sm3, @Nullable Long organisationId, Instant createdAt) {
}
