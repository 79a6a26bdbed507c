package cn.kaowu.platform.portal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The client's address for rate limiting. {@code X-Forwarded-For} is believed only when the connection itself comes
 * from a trusted proxy; then the right-most address in it that is not a trusted proxy is the client (the left part of
 * the header is whatever the client chose to send).
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String resolve(String remoteAddress, @Nullable String forwardedFor, Set<String> trustedProxies) {
		if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddress)) {
			return remoteAddress;
		}
		String[] hops = forwardedFor.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return remoteAddress;
	}
}
