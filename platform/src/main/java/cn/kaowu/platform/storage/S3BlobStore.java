package cn.kaowu.platform.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in a bucket of an S3-compatible object store (MinIO, Ceph RGW, Alibaba OSS, AWS S3) through the AWS SDK v2,
 * with the endpoint override and path-style addressing that self-hosted stores need. Keys are
 * {@code <prefix>/<ab>/<cd>/<uuid>}, the file system layout. A PUT is atomic in S3 (the object appears whole or not
 * at all); files and streams are sent streamed, reads return the response stream.
 * <p>
 * Checksums are sent and checked only where the API requires them: the SDK's newer default (CRC trailers on every
 * upload) is refused by several S3-compatible stores.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	S3BlobStore(S3Client s3, String bucket, @Nullable String prefix) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = normalisePrefix(prefix);
	}

	/** {@code "", "/"} → no prefix; {@code "kaowu"}, {@code "/kaowu/"} → {@code "kaowu/"}; inner slashes kept. */
	static String normalisePrefix(@Nullable String prefix) {
		if (prefix == null) {
			return "";
		}
		String p = prefix.trim().replaceAll("/{2,}", "/");
		p = p.replaceAll("^/+", "").replaceAll("/+$", "");
		if (p.contains("..") || p.contains("\\")) {
			throw new IllegalArgumentException("kaowu.storage.s3.prefix 不能含 “..” 或 “\\” (invalid prefix): " + prefix);
		}
		return p.isEmpty() ? "" : p + "/";
	}

	/** The object key of a blob. */
	String key(UUID id) {
		return prefix + BlobStore.relativeName(id);
	}

	@Override
	public void put(UUID id, byte[] content) {
		s3.putObject(b -> b.bucket(bucket).key(key(id)).contentLength((long) content.length),
				RequestBody.fromBytes(content));
	}

	@Override
	public void put(UUID id, Path source) {
		s3.putObject(b -> b.bucket(bucket).key(key(id)), RequestBody.fromFile(source));
	}

	@Override
	public void put(UUID id, InputStream content, long length) {
		s3.putObject(b -> b.bucket(bucket).key(key(id)).contentLength(length),
				RequestBody.fromInputStream(content, length));
	}

	@Override
	public Optional<InputStream> open(UUID id) {
		try {
			return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(id))));
		}
		catch (NoSuchKeyException e) {
			return Optional.empty();
		}
	}

	@Override
	public boolean exists(UUID id) {
		try {
			s3.headObject(b -> b.bucket(bucket).key(key(id)));
			return true;
		}
		catch (NoSuchKeyException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw e;
		}
	}

	@Override
	public void delete(UUID id) {
		s3.deleteObject(b -> b.bucket(bucket).key(key(id)));
	}

	@Override
	public void close() {
		s3.close();
	}

	/**
	 * Connection settings ({@code kaowu.storage.s3.*}).
	 *
	 * @param endpoint the store's URL, e.g. {@code http://minio:9000}; empty for AWS itself
	 * @param region the region (any value for most self-hosted stores)
	 * @param bucket the bucket, created beforehand
	 * @param prefix key prefix inside the bucket, may be empty
	 * @param accessKey access key; empty: the SDK's default chain (environment, profile, instance role)
	 * @param secretKey secret key
	 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO, Ceph)
	 */
	record Settings(@Nullable String endpoint, String region, String bucket, @Nullable String prefix,
			@Nullable String accessKey, @Nullable String secretKey, boolean pathStyle) {

		S3Client client() {
			S3ClientBuilder builder = S3Client.builder()
				.httpClient(UrlConnectionHttpClient.builder().build())
				.region(Region.of(region))
				.forcePathStyle(pathStyle)
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				.credentialsProvider(credentials());
			if (endpoint != null && !endpoint.isBlank()) {
				builder.endpointOverride(URI.create(endpoint.trim()));
			}
			return builder.build();
		}

		private AwsCredentialsProvider credentials() {
			if (accessKey != null && !accessKey.isBlank()) {
				return StaticCredentialsProvider
					.create(AwsBasicCredentials.create(accessKey.trim(), secretKey == null ? "" : secretKey.trim()));
			}
			return DefaultCredentialsProvider.builder().build();
		}
	}
}
