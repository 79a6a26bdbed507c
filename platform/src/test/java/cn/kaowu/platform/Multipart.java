package cn.kaowu.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts a multipart form with a bearer token (the shared ApiClient speaks JSON only). */
public final class Multipart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String token;

	public Multipart(int port, String username, String password) {
		this.port = port;
		// ApiClient's login: with the second factor for ORG, PROVINCE and ADMIN accounts.
		this.token = new ApiClient(port).login(username, password).token();
	}

	public record Response(int status, JsonNode body) {

		public String fieldError(String field) {
			for (JsonNode e : body.path("errors")) {
				if (e.path("field").asString().equals(field)) {
					return e.path("message").asString();
				}
			}
			return "";
		}
	}

	public Response post(String path, Map<String, String> fields, String fileName, byte[] content) {
		String boundary = "----kaowu" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
				+ "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
		return new Response(r.statusCode(),
				r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
	}

	/** GETs raw bytes. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + token)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
