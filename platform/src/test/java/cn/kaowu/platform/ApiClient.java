package cn.kaowu.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the REST API: obtains a bearer token with user name and password (through the
 * same login rules as the web form) and sends JSON.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private String token;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
		this.port = port;
	}

	private Response requestToken(String username, String password) {
		java.util.Map<String, String> body = new java.util.HashMap<>(
				java.util.Map.of("username", username, "password", password));
		TotpCodes.secret(username).ifPresent(secret -> body.put("totp", TotpCodes.next(username)));
		return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/** The answer: status and parsed JSON body (a missing body is an empty object). */
	public record Response(int status, JsonNode body) {

		public String text(String field) {
			return body.path(field).asString();
		}

		/** The message of the first field error for {@code field}, or "" if none. */
		public String fieldError(String field) {
			for (JsonNode e : body.path("errors")) {
				if (e.path("field").asString().equals(field)) {
					return e.path("message").asString();
				}
			}
			return "";
		}
	}

	private final int port;

	/** Its own client address for the per-IP login limit (see {@link WebSession}). */
	private final String clientAddress = WebSession.clientAddress();

	/**
	 * A token; for ORG, PROVINCE and ADMIN accounts with the current TOTP ({@link TotpCodes}), enrolling the account
	 * through the web login first if it has no second factor yet.
	 */
	public ApiClient login(String username, String password) {
		Response r = requestToken(username, password);
		if (r.status() == 403 && r.text("code").equals("totp.enrolmentRequired")) {
			new WebSession(port).login(username, password);
			r = requestToken(username, password);
		}
		if (r.status() != 201) {
			throw new IllegalStateException("login failed: " + r);
		}
		this.token = r.text("token");
		return this;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** Only the status of a GET (for binary answers such as PDFs). */
	public int status(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response put(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	/** The bearer token of the last {@link #login}. */
	public String token() {
		return token;
	}

	private Response send(HttpRequest.Builder request) {
		request.setHeader("X-Forwarded-For", clientAddress);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String body = response.body();
			return new Response(response.statusCode(),
					body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
