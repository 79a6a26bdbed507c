package cn.kaowu.platform.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One notice as its reader sees it, rendered in the reader's language. */
public record InboxEntry(long id, String title, String body, @Nullable String link, Instant createdAt, boolean read) {
}
