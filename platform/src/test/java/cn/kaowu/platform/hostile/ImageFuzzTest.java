package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.acceptedOrRefusedClearly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.kaowu.platform.candidate.CandidatePhotos;
import cn.kaowu.platform.certificate.StampRules;
import cn.kaowu.platform.hostile.HostileFiles.Mutation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random mutations of a valid stamp PNG and photo JPEG, and PNG headers declaring random sizes: the stamp check
 * accepts or refuses with a Chinese message, the photo check returns a problem or none — never an exception, an
 * {@code OutOfMemoryError} or a hang.
 */
class ImageFuzzTest {

	private static final byte[] STAMP = HostileFiles.png(120, 120, true);

	private static final byte[] PHOTO = HostileFiles.jpeg(295, 413);

	@Property(tries = 200)
	void mutatedStamps(@ForAll Mutation mutation, @ForAll @IntRange(max = 1_000_000) int at,
			@ForAll @Size(max = 12) byte[] bytes) {
		byte[] file = mutation.apply(STAMP, at, bytes);
		acceptedOrRefusedClearly(() -> StampRules.check("stamp.png", file));
	}

	@Property(tries = 150)
	void mutatedPhotos(@ForAll Mutation mutation, @ForAll @IntRange(max = 1_000_000) int at,
			@ForAll @Size(max = 12) byte[] bytes) {
		byte[] file = mutation.apply(PHOTO, at, bytes);
		assertTimeoutPreemptively(HostileFiles.BOUND, () -> CandidatePhotos.problem(file));
	}

	@Property(tries = 100)
	void declaredSizes(@ForAll @IntRange(min = -1, max = Integer.MAX_VALUE) int width,
			@ForAll @IntRange(min = -1, max = Integer.MAX_VALUE) int height) {
		byte[] png = HostileFiles.pngDeclaring(width, height);
		boolean accepted = acceptedOrRefusedClearly(() -> StampRules.check("stamp.png", png));
		assertThat(accepted).as("no transparent pixel was ever drawn").isFalse();
		assertTimeoutPreemptively(HostileFiles.BOUND, () -> assertThat(CandidatePhotos.problem(png)).isPresent());
	}
}
