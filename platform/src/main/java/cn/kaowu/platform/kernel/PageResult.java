package cn.kaowu.platform.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total so that clients can page correctly. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public long totalPages() {
		return total == 0 ? 1 : (total + size - 1) / size;
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < totalPages();
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
	}

	public static <T> PageResult<T> of(List<T> items, PageQuery query, long total) {
		return new PageResult<>(items, query.page(), query.size(), total);
	}
}
