package cn.kaowu.platform.storage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store: its key mapping, and the {@link BlobStoreContract} through the real AWS SDK (signing, path-style
 * addressing, endpoint override, streaming) against a minimal S3-compatible server on the loopback interface that
 * keeps objects in a temporary directory. No real object store is reachable here: behaviour specific to MinIO, Ceph or
 * OSS is not covered.
 */
class S3BlobStoreTest extends BlobStoreContract {

	private LoopbackS3 server;

	private S3BlobStore store;

	@BeforeEach
	void setUp() throws IOException {
		server = new LoopbackS3(temp.resolve("objects"));
		store = new S3BlobStore(new S3BlobStore.Settings("http://127.0.0.1:" + server.port(), "cn-north-1",
				"kaowu-files", "/platform/", "test-access", "test-secret", true).client(), "kaowu-files", "/platform/");
	}

	@AfterEach
	void tearDown() {
		store.close();
		server.stop();
	}

	@Override
	BlobStore store() {
		return store;
	}

	@Test
	void keysFollowTheFileSystemLayoutUnderThePrefix() {
		UUID id = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001");
		assertThat(store.key(id)).isEqualTo("platform/3f/2a/3f2a9c1e-0000-4000-8000-000000000001");
		try (S3BlobStore noPrefix = new S3BlobStore(offlineClient(), "b", "");
				S3BlobStore nullPrefix = new S3BlobStore(offlineClient(), "b", null)) {
			assertThat(noPrefix.key(id)).isEqualTo("3f/2a/" + id);
			assertThat(nullPrefix.key(id)).isEqualTo("3f/2a/" + id);
		}
	}

	@Test
	void prefixesAreNormalisedAndTraversalIsRefused() {
		assertThat(S3BlobStore.normalisePrefix("")).isEmpty();
		assertThat(S3BlobStore.normalisePrefix("/")).isEmpty();
		assertThat(S3BlobStore.normalisePrefix("kaowu")).isEqualTo("kaowu/");
		assertThat(S3BlobStore.normalisePrefix(" /kaowu//prod/ ")).isEqualTo("kaowu/prod/");
		assertThatThrownBy(() -> S3BlobStore.normalisePrefix("kaowu/../other")).hasMessageContaining("kaowu.storage.s3.prefix");
		assertThatThrownBy(() -> S3BlobStore.normalisePrefix("a\\b")).hasMessageContaining("kaowu.storage.s3.prefix");
	}

	@Test
	void requestsArePathStyleAndSigned() {
		UUID id = UUID.randomUUID();
		store.put(id, new byte[] { 7 });
		LoopbackS3.Request put = server.requests.getLast();
		assertThat(put.method()).isEqualTo("PUT");
		assertThat(put.path()).isEqualTo("/kaowu-files/platform/" + BlobStore.relativeName(id));
		assertThat(put.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test-access/")
			.contains("/cn-north-1/s3/aws4_request");
	}

	/** A client that is built but never called (building one opens no connection). */
	private static S3Client offlineClient() {
		return S3Client.builder()
			.region(Region.CN_NORTH_1)
			.httpClient(UrlConnectionHttpClient.builder().build())
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.build();
	}

	/**
	 * Just enough of the S3 REST API for one bucket, path-style: PUT (plain or {@code aws-chunked} bodies), GET,
	 * HEAD and DELETE of objects, kept as files.
	 */
	static final class LoopbackS3 {

		record Request(String method, String path, String authorization) {
		}

		final List<Request> requests = new CopyOnWriteArrayList<>();

		private final HttpServer http;

		private final Path dir;

		LoopbackS3(Path dir) throws IOException {
			this.dir = Files.createDirectories(dir);
			this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			http.createContext("/", this::handle);
			http.start();
		}

		int port() {
			return http.getAddress().getPort();
		}

		void stop() {
			http.stop(0);
		}

		private Path file(String path) {
			return dir.resolve(path.substring(1).replace('/', '_'));
		}

		private void handle(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			requests.add(new Request(method, path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
			Path file = file(path);
			try (exchange) {
				switch (method) {
					case "PUT" -> {
						Path temp = Files.createTempFile(dir, "put", ".tmp");
						String sha = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
						try (InputStream in = new BufferedInputStream(exchange.getRequestBody());
								OutputStream out = Files.newOutputStream(temp)) {
							if (sha.startsWith("STREAMING-")) {
								dechunk(in, out);
							}
							else {
								in.transferTo(out);
							}
						}
						Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
						exchange.getResponseHeaders().add("ETag", "\"" + UUID.randomUUID() + "\"");
						exchange.sendResponseHeaders(200, -1);
					}
					case "GET", "HEAD" -> {
						if (!Files.exists(file)) {
							notFound(exchange, method.equals("GET"));
							return;
						}
						long size = Files.size(file);
						exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
						exchange.getResponseHeaders().add("ETag", "\"etag\"");
						if (method.equals("HEAD")) {
							exchange.getResponseHeaders().add("Content-Length", String.valueOf(size));
							exchange.sendResponseHeaders(200, -1);
							return;
						}
						exchange.sendResponseHeaders(200, size);
						try (OutputStream out = exchange.getResponseBody()) {
							Files.copy(file, out);
						}
					}
					case "DELETE" -> {
						Files.deleteIfExists(file);
						exchange.sendResponseHeaders(204, -1);
					}
					default -> exchange.sendResponseHeaders(405, -1);
				}
			}
		}

		private static void notFound(HttpExchange exchange, boolean body) throws IOException {
			byte[] xml = """
					<?xml version="1.0" encoding="UTF-8"?>
					<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"""
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			if (!body) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.sendResponseHeaders(404, xml.length);
			exchange.getResponseBody().write(xml);
		}

		/** {@code aws-chunked}: "hex-size;chunk-signature=…\r\n" data "\r\n" …, ending with a zero-size chunk. */
		private static void dechunk(InputStream in, OutputStream out) throws IOException {
			while (true) {
				String header = line(in);
				int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
				if (size == 0) {
					return;
				}
				out.write(in.readNBytes(size));
				line(in);
			}
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b; (b = in.read()) != -1 && b != '\n';) {
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}
	}
}
