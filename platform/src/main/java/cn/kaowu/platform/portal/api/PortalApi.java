package cn.kaowu.platform.portal.api;

import jakarta.servlet.http.HttpServletRequest;

import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.portal.ScoreLookup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 成绩查询 without a login: the portal page's answer as JSON, errors as RFC 9457 problems. */
@RestController
@RequestMapping("/api/v1/portal")
@Tag(name = "portal", description = "公开成绩查询（无需登录，限流）")
class PortalApi {

	/** The lookup's input: the full ID number and one ticket number of the candidate. */
	record LookupRequest(@Nullable String idNumber, @Nullable String ticketNumber) {
	}

	private final ScoreLookup lookup;

	PortalApi(ScoreLookup lookup) {
		this.lookup = lookup;
	}

	/** A constant answer (the baseline of {@code bench/run lookup}; a load balancer's liveness probe). */
	record Ping(String status) {
	}

	private static final Ping PONG = new Ping("ok");

	@Operation(summary = "Constant JSON, no database: the portal is up")
	@GetMapping("/ping")
	Ping ping() {
		return PONG;
	}

	@Operation(summary = "Published scores by ID number and ticket number, with the holder's certificates and their "
			+ "download tokens (10 min); 404 for any miss, 429 over the limit")
	@PostMapping("/scores")
	ScoreLookup.Found scores(@RequestBody LookupRequest body, HttpServletRequest request) {
		return lookup.lookup(lookup.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")),
				body.idNumber(), body.ticketNumber())
			.orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, "portal.noMatch"));
	}
}
