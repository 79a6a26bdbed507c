package cn.kaowu.platform.kernel;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Used by the pager fragment: page links that keep the list's filters, and which page numbers to show. */
@Component("pageLinks")
public class PageLinks {

	public String url(int page) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		return ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("page", page)
			.build()
			.toUriString()
			.replaceFirst("^https?://[^/]+", "");
	}

	/** One element of the pager: a page number with its link, or a gap. */
	public record Link(int page, String url, boolean current, boolean gap) {
	}

	/** The pager: previous/next links (empty when there is none) and the numbered links in between. */
	public record Pager(String previous, String next, List<Link> pages) {
	}

	public Pager pager(PageResult<?> result) {
		List<Link> links = window(result).stream()
			.map(p -> p == -1 ? new Link(-1, "", false, true) : new Link(p, url(p), p == result.page(), false))
			.toList();
		return new Pager(result.hasPrevious() ? url(result.page() - 1) : "",
				result.hasNext() ? url(result.page() + 1) : "", links);
	}

	/** Page numbers around the current one, with -1 standing for a gap. */
	public List<Integer> window(PageResult<?> result) {
		int last = (int) result.totalPages();
		int current = result.page();
		List<Integer> pages = new ArrayList<>();
		for (int p = 1; p <= last; p++) {
			if (p == 1 || p == last || Math.abs(p - current) <= 2) {
				pages.add(p);
			}
			else if (pages.getLast() != -1) {
				pages.add(-1);
			}
		}
		return pages;
	}
}
