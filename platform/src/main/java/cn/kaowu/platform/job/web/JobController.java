package cn.kaowu.platform.job.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.Downloads;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.storage.StoredFile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/** Job pages: the list, one job with its live progress bar (SSE), and its files. */
@Controller
class JobController {

	/** How often the progress stream looks at the job. */
	static final Duration TICK = Duration.ofMillis(500);

	private final Jobs jobs;

	private final SpringTemplateEngine templates;

	JobController(Jobs jobs, SpringTemplateEngine templates) {
		this.jobs = jobs;
		this.templates = templates;
	}

	@GetMapping("/jobs")
	String list(Scope scope, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		model.addAttribute("result", jobs.list(scope, null, PageQuery.of(page, size)));
		return "job/list";
	}

	@GetMapping("/jobs/{id}")
	String show(Scope scope, @PathVariable UUID id, Model model) {
		model.addAttribute("job", jobs.get(scope, id));
		return "job/detail";
	}

	/**
	 * Server-sent events: a {@code progress} event with the rendered progress fragment whenever the job
	 * changes, then {@code done}. The page leaves and comes back freely: the job runs on regardless.
	 */
	@GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(Scope scope, @PathVariable UUID id, jakarta.servlet.http.HttpServletRequest request) {
		jobs.get(scope, id);
		var locale = LocaleContextHolder.getLocale();
		// Rendered outside the request: links are built from the context path captured here.
		String contextPath = request.getContextPath();
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		Thread.ofVirtual().name("job-sse-" + id).start(() -> {
			JobView last = null;
			try {
				while (true) {
					JobView job = jobs.get(scope, id);
					if (!job.equals(last)) {
						Context context = new Context(locale, Map.of("job", job, "contextPath", contextPath));
						emitter.send(SseEmitter.event().name("progress")
							.data(templates.process("job/progress", Set.of("bar"), context).replace("\n", " ")));
						last = job;
					}
					if (job.state().finished()) {
						emitter.send(SseEmitter.event().name("done").data(job.state().name()));
						emitter.complete();
						return;
					}
					Thread.sleep(TICK);
				}
			}
			catch (IOException | RuntimeException e) {
				// The browser went away (or rendering failed); the job itself is not affected.
				emitter.completeWithError(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				emitter.complete();
			}
		});
		return emitter;
	}

	@GetMapping("/jobs/{id}/files/{which}")
	ResponseEntity<byte[]> file(Scope scope, @PathVariable UUID id, @PathVariable String which) {
		StoredFile file = jobs.file(scope, id, which);
		return Downloads.attachment(file.originalName(), file.contentType(), jobs.read(file));
	}

}
