package cn.kaowu.platform.candidate;

import static cn.kaowu.platform.hostile.HostileFiles.refusal;
import static cn.kaowu.platform.hostile.HostileFiles.refusalKey;
import static cn.kaowu.platform.hostile.HostileFiles.repeated;
import static cn.kaowu.platform.hostile.HostileFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.hostile.HostileFiles;
import org.junit.jupiter.api.Test;

/**
 * Hostile photo zips (issue 10 part 4): bombs (high ratio, a header that understates), deep nesting, {@code ../}
 * and absolute and drive-letter paths, symlink entries (unix mode in the central directory). The zip is refused
 * as a whole with a Chinese message naming it, or the offending file is reported and never inflated; nothing
 * is ever written to disk.
 */
class PhotoZipHostileTest {

	static List<PhotoZip.Entry> read(byte[] zip) {
		List<PhotoZip.Entry> out = new ArrayList<>();
		assertTimeoutPreemptively(HostileFiles.BOUND,
				() -> PhotoZip.read("photos.zip", zip, CandidatePhotos.MAX_BYTES, out::add));
		return out;
	}

	@Test
	void traversalAndAbsolutePathsRefuseTheZip() {
		byte[] photo = Photos.image(295, 413, "jpg");
		for (String path : List.of("../110101199003077777.jpg", "a/../../b.jpg", "/etc/cron.d/x.jpg", "C:/x.jpg",
				"c:\\windows\\x.jpg", "..\\..\\x.jpg", "a/b/../../../x.jpg", "x\u0000.jpg")) {
			var problem = refusal(() -> read(HostileFiles.zipWithModes(Map.of(path, photo), Map.of())));
			assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo("candidate.zip.traversal");
			assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).contains("photos.zip");
		}
	}

	@Test
	void symlinkEntriesRefuseTheZip() {
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("110101199003077777.jpg", Photos.image(295, 413, "jpg"));
		parts.put("110101199003078888.jpg", HostileFiles.utf8("/etc/passwd"));
		byte[] zip = HostileFiles.zipWithModes(parts, Map.of("110101199003078888.jpg", 0120777));
		var problem = refusal(() -> read(zip));
		assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo("candidate.zip.link");
		assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).contains("photos.zip", "110101199003078888.jpg");
	}

	@Test
	void aHighRatioEntryIsReportedWithoutInflatingIt() {
		byte[] zip = zip(Map.of(), Map.of("110101199003077777.jpg", repeated(200L * 1024 * 1024, (byte) 0)));
		assertThat(zip.length).isLessThan(1024 * 1024);
		List<PhotoZip.Entry> entries = read(zip);
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.problemKey()).isEqualTo("candidate.photo.tooLarge");
			assertThat(e.content()).isNull();
		});
	}

	@Test
	void aHeaderThatUnderstatesTheSizeIsCaughtWhileInflating() {
		byte[] zip = zip(Map.of(), Map.of("110101199003077777.jpg", repeated(200L * 1024 * 1024, (byte) 0)));
		// Rewrite the uncompressed size in the central directory (offset 24 of its record) to 1 KB.
		ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = zip.length - 22; i >= 0; i--) {
			if (b.getInt(i) == 0x02014b50) {
				b.putInt(i + 24, 1024);
				break;
			}
		}
		List<PhotoZip.Entry> entries;
		try {
			entries = read(zip);
		}
		catch (cn.kaowu.platform.kernel.InvalidInputProblem e) {
			HostileFiles.assertClear(e.fieldProblems().get(0));
			return;
		}
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.problemKey()).isEqualTo("candidate.photo.tooLarge");
			assertThat(e.content()).isNull();
		});
	}

	@Test
	void deeplyNestedZipsAreReportedAndNeverOpened() {
		byte[] inner = zip(Map.of("110101199003077777.jpg", Photos.image(295, 413, "jpg")));
		for (int depth = 0; depth < 20; depth++) {
			inner = zip(Map.of("level" + depth + ".zip", inner));
		}
		Map<String, byte[]> parts = new LinkedHashMap<>();
		parts.put("nested.zip", inner);
		parts.put("disguised.jpg", inner);
		parts.put("110101199003077777.jpg", Photos.image(295, 413, "jpg"));
		List<PhotoZip.Entry> entries = read(zip(parts));
		assertThat(entries).extracting(PhotoZip.Entry::fileName, PhotoZip.Entry::problemKey).containsExactly(
				org.assertj.core.groups.Tuple.tuple("nested.zip", "candidate.photo.nested"),
				org.assertj.core.groups.Tuple.tuple("disguised.jpg", "candidate.photo.nested"),
				org.assertj.core.groups.Tuple.tuple("110101199003077777.jpg", null));
	}

	@Test
	void notAZip() {
		for (byte[] bad : List.of(new byte[0], new byte[] {'P', 'K', 3, 4}, Photos.image(295, 413, "jpg"),
				java.util.Arrays.copyOf(zip(Map.of("a.jpg", Photos.image(295, 413, "jpg"))), 100))) {
			assertThat(refusalKey(() -> read(bad))).startsWith("candidate.zip.");
		}
	}
}
