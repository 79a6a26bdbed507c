package cn.kaowu.platform.kernel;

/**
 * A page request: 1-based page number and page size (10 by default, as the national platform's
 * "10条/页"; at most 100).
 */
public record PageQuery(int page, int size) {

	public static final int DEFAULT_SIZE = 10;

	public static final int MAX_SIZE = 100;

	public PageQuery {
		if (page < 1) {
			throw new InvalidInputProblem("page", "error.page.number");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputProblem("size", "error.page.size", MAX_SIZE);
		}
	}

	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
	}

	public long offset() {
		return (long) (page - 1) * size;
	}
}
