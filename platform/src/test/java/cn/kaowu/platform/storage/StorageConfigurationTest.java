package cn.kaowu.platform.storage;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kaowu.storage.type} picks the one {@link BlobStore}; S3 without a bucket stops the start, naming the property. */
class StorageConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StorageConfiguration.class, FilesystemBlobStore.class)
		.withPropertyValues("kaowu.storage.dir=target/storage-configuration-test");

	@Test
	void theFileSystemIsTheDefault() {
		runner.run(context -> assertThat(context).getBean(BlobStore.class).isInstanceOf(FilesystemBlobStore.class));
	}

	@Test
	void s3IsChosenByTheType() {
		runner
			.withPropertyValues("kaowu.storage.type=s3", "kaowu.storage.s3.endpoint=http://127.0.0.1:9",
					"kaowu.storage.s3.bucket=kaowu", "kaowu.storage.s3.access-key=a", "kaowu.storage.s3.secret-key=b")
			.run(context -> {
				assertThat(context).hasSingleBean(BlobStore.class);
				assertThat(context).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class);
			});
	}

	@Test
	void s3WithoutABucketDoesNotStart() {
		runner.withPropertyValues("kaowu.storage.type=s3")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("kaowu.storage.s3.bucket"));
	}
}
