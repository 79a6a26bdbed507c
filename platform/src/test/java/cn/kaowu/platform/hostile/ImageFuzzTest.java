package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.acceptedOrRefusedClearly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.Random;

import cn.kaowu.exampackage.hostile.Tries;
import cn.kaowu.platform.candidate.Photos;
import cn.kaowu.platform.candidate.CandidatePhotos;
import cn.kaowu.platform.certificate.StampRules;
import cn.kaowu.exampackage.hostile.Mutation;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a valid stamp PNG and photo JPEG, and PNG headers declaring random sizes: the stamp check
 * accepts or refuses with a Chinese message, the photo check returns a problem or none — never an exception, an
 * {@code OutOfMemoryError} or a hang. Each test is a seeded loop of {@link Tries}: a failure names the seed and
 * the try to replay.
 */
class ImageFuzzTest {

	private static final byte[] STAMP = HostileFiles.png(120, 120, true);

	private static final byte[] PHOTO = Photos.image(295, 413, "jpg");

	@Test
	void mutatedStamps() {
		Tries.run(30_001, 200, random -> {
			byte[] file = mutate(random, STAMP);
			acceptedOrRefusedClearly(() -> StampRules.check("stamp.png", file));
		});
	}

	@Test
	void mutatedPhotos() {
		Tries.run(30_002, 150, random -> {
			byte[] file = mutate(random, PHOTO);
			assertTimeoutPreemptively(HostileFiles.BOUND, () -> CandidatePhotos.problem(file));
		});
	}

	@Test
	void declaredSizes() {
		Tries.run(30_003, 100, random -> {
			int width = Tries.between(random, -1, Integer.MAX_VALUE);
			int height = Tries.between(random, -1, Integer.MAX_VALUE);
			byte[] png = HostileFiles.pngDeclaring(width, height);
			boolean accepted = acceptedOrRefusedClearly(() -> StampRules.check("stamp.png", png));
			assertThat(accepted).as("no transparent pixel was ever drawn").isFalse();
			assertTimeoutPreemptively(HostileFiles.BOUND, () -> assertThat(CandidatePhotos.problem(png)).isPresent());
		});
	}

	/** A random mutation at a random place (wrapped around the file) with up to 12 random bytes. */
	private static byte[] mutate(Random random, byte[] file) {
		return Mutation.any(random, file, (byte) '<');
	}
}
