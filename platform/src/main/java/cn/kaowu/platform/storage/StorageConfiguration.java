package cn.kaowu.platform.storage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The S3-compatible store when {@code kaowu.storage.type=s3}; otherwise {@link FilesystemBlobStore} is the
 * {@link BlobStore}. A missing bucket setting stops the start with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "kaowu.storage.type", havingValue = "s3")
	S3BlobStore s3BlobStore(@Value("${kaowu.storage.s3.endpoint:}") String endpoint,
			@Value("${kaowu.storage.s3.region:us-east-1}") String region,
			@Value("${kaowu.storage.s3.bucket:}") String bucket, @Value("${kaowu.storage.s3.prefix:}") String prefix,
			@Value("${kaowu.storage.s3.access-key:}") String accessKey,
			@Value("${kaowu.storage.s3.secret-key:}") String secretKey,
			@Value("${kaowu.storage.s3.path-style:true}") boolean pathStyle) {
		if (bucket.isBlank()) {
			throw new IllegalStateException(
					"kaowu.storage.type=s3 需要配置存储桶 kaowu.storage.s3.bucket (the S3 bucket is not configured)");
		}
		S3BlobStore.Settings settings = new S3BlobStore.Settings(endpoint, region.isBlank() ? "us-east-1" : region,
				bucket.trim(), prefix, accessKey, secretKey, pathStyle);
		return new S3BlobStore(settings.client(), settings.bucket(), settings.prefix());
	}
}
