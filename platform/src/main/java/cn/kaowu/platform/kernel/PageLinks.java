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
