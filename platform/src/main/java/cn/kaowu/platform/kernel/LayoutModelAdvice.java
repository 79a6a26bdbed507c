package cn.kaowu.platform.kernel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the navigation of the caller's role and the current path (to mark the active entry). */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	/** A group of the side navigation with the entries the caller may use. */
	record MenuGroup(MenuItem.Group group, List<MenuItem> items) {
	}

	private final List<MenuItem> items;

	private final List<PageAlert.Source> alertSources;

	LayoutModelAdvice(List<MenuItem> items, List<PageAlert.Source> alertSources) {
		this.alertSources = alertSources;
		this.items = items.stream()
			.sorted(Comparator.comparing(MenuItem::group).thenComparing(MenuItem::order))
			.toList();
	}

	@ModelAttribute("menu")
	List<MenuGroup> menu() {
		var scope = CurrentScope.find();
		if (scope.isEmpty()) {
			return List.of();
		}
		Map<MenuItem.Group, List<MenuItem>> groups = new EnumMap<>(MenuItem.Group.class);
		for (MenuItem item : items) {
			if (item.roles().contains(scope.get().role())) {
				groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
			}
		}
		return groups.entrySet().stream().map(e -> new MenuGroup(e.getKey(), e.getValue())).toList();
	}

	@ModelAttribute("pageAlerts")
	List<PageAlert> pageAlerts() {
		var scope = CurrentScope.find();
		if (scope.isEmpty()) {
			return List.of();
		}
		return alertSources.stream().flatMap(source -> source.alerts(scope.get()).stream()).toList();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** For fragments that are also rendered outside a request (SSE), where @{...} links cannot be built. */
	@ModelAttribute("contextPath")
	String contextPath(HttpServletRequest request) {
		return request.getContextPath();
	}

	@ModelAttribute("scope")
	Scope scope() {
		return CurrentScope.find().orElse(null);
	}
}
