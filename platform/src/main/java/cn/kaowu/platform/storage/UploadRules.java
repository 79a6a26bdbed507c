package cn.kaowu.platform.storage;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an upload field accepts.
 *
 * @param maxBytes largest accepted size
 * @param types accepted types (checked by content)
 */
public record UploadRules(long maxBytes, Set<FileType> types) {

	public static final long MB = 1024L * 1024;

	public UploadRules {
		types = Set.copyOf(types);
		if (maxBytes <= 0 || types.isEmpty()) {
			throw new IllegalArgumentException("rules need a size and at least one type");
		}
	}

	public static UploadRules of(long maxMegabytes, FileType... types) {
		return new UploadRules(maxMegabytes * MB, Set.of(types));
	}

	String typeList() {
		return types.stream().map(FileType::label).sorted().collect(Collectors.joining("/"));
	}
}
