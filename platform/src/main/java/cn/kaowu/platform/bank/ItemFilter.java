package cn.kaowu.platform.bank;

import org.jspecify.annotations.Nullable;

/** Filters of the item list; {@code null} means any. */
public record ItemFilter(@Nullable Long levelId, @Nullable Long subjectId, @Nullable ItemType type,
		@Nullable String knowledgeArea, @Nullable ItemStatus status) {

	public static ItemFilter none() {
		return new ItemFilter(null, null, null, null, null);
	}
}
