package cn.kaowu.platform.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The client's address for the per-IP login limit, with the portal's rule ({@code portal.ClientAddress}):
 * {@code X-Forwarded-For} is believed only when the connection comes from a trusted proxy
 * ({@code kaowu.identity.trusted-proxies}, by default the portal's {@code kaowu.portal.trusted-proxies}); then the
 * right-most address in it that is not a trusted proxy is the client.
 */
@Component
public class LoginAddress {

	private final Set<String> trustedProxies;

	LoginAddress(@Value("${kaowu.identity.trusted-proxies:${kaowu.portal.trusted-proxies:}}") List<String> proxies) {
		this.trustedProxies = proxies.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
	}

	public String of(HttpServletRequest request) {
		return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
	}

	static String resolve(String remoteAddress, String forwardedFor, Set<String> trustedProxies) {
		if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddress)) {
			return remoteAddress;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
				return hop.length() > 64 ? hop.substring(0, 64) : hop;
			}
		}
		return remoteAddress;
	}
}
