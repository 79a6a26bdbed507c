package cn.kaowu.platform.candidate;

import static cn.kaowu.platform.hostile.HostileFiles.acceptedOrRefusedClearly;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.kaowu.platform.hostile.HostileFiles;
import cn.kaowu.exampackage.hostile.Mutation;
import cn.kaowu.exampackage.hostile.Tries;
import org.junit.jupiter.api.Test;

/**
 * Random byte mutations of a valid photo zip: {@link PhotoZip} reads it, reports files, or refuses the zip with a
 * Chinese message — never another exception or a hang; and what it hands out for a file is each photo checked.
 * A seeded loop of {@link Tries}: a failure names the seed and the try to replay.
 */
class PhotoZipFuzzTest {

	private static final byte[] ZIP;

	static {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("110101199003077777.jpg", Photos.image(295, 413, "jpg"));
		parts.put("照片/110101199003078888.png", HostileFiles.png(295, 413, false));
		parts.put("readme.txt", HostileFiles.utf8("说明"));
		ZIP = HostileFiles.zip(parts);
	}

	@Test
	void mutatedZips() {
		Tries.run(40_001, 200, random -> {
			byte[] zip = Mutation.any(random, ZIP, (byte) '<');
			acceptedOrRefusedClearly(() -> PhotoZip.read("photos.zip", zip, CandidatePhotos.MAX_BYTES, entry -> {
				if (entry.content() != null) {
					CandidatePhotos.problem(entry.content());
				}
			}));
		});
	}
}
