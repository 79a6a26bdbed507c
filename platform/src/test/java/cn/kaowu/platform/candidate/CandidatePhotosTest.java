package cn.kaowu.platform.candidate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import cn.kaowu.platform.kernel.InvalidInputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidatePhotosTest {

	@ParameterizedTest
	@CsvSource({ "295, 413, jpg", "295, 413, png", "285, 403, jpg", "305, 423, png", "300, 410, jpg" })
	void theSmallOneInchSizeWithinTenPixelsIsAccepted(int w, int h, String format) {
		assertThat(CandidatePhotos.problem(Photos.image(w, h, format))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "284, 413", "306, 413", "295, 402", "295, 424", "413, 295" })
	void elevenPixelsOffIsRefusedNamingTheSize(int w, int h) {
		var problem = CandidatePhotos.problem(Photos.image(w, h, "png")).orElseThrow();
		assertThat(problem.key()).isEqualTo("candidate.photo.size");
		assertThat(problem.args()).containsExactly(w, h);
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.SECONDS)
	void aHugeImageIsRefusedFromItsHeaderWithoutDecoding() {
		byte[] bomb = Photos.pngClaiming(30000, 30000);
		assertThat(bomb.length).isLessThan(200);
		var problem = CandidatePhotos.problem(bomb).orElseThrow();
		assertThat(problem.key()).isEqualTo("candidate.photo.size");
		assertThat(problem.args()).containsExactly(30000, 30000);
	}

	@Test
	void notAnImageOrBrokenIsRefused() {
		assertThat(CandidatePhotos.problem("%PDF-1.7".getBytes()).orElseThrow().key()).isEqualTo("candidate.photo.type");
		byte[] png = Photos.image(295, 413, "png");
		byte[] cut = java.util.Arrays.copyOf(png, 60);
		assertThat(CandidatePhotos.problem(cut).orElseThrow().key()).isEqualTo("candidate.photo.unreadable");
		assertThat(CandidatePhotos.problem(new byte[6 * 1024 * 1024]).orElseThrow().key())
			.isEqualTo("candidate.photo.tooLarge");
	}

	// ---- zips ----

	static List<PhotoZip.Entry> read(byte[] zip) {
		List<PhotoZip.Entry> out = new ArrayList<>();
		PhotoZip.read("photos.zip", zip, CandidatePhotos.MAX_BYTES, out::add);
		return out;
	}

	static String refusal(byte[] zip) {
		try {
			read(zip);
			return "accepted";
		}
		catch (InvalidInputProblem e) {
			return e.fieldProblems().get(0).messageKey();
		}
	}

	@Test
	void pathTraversalAndAbsolutePathsRefuseTheWholeZip() {
		byte[] photo = Photos.image(295, 413, "jpg");
		assertThat(refusal(Photos.zip(Map.of("../../etc/110105194912310021.jpg", photo))))
			.isEqualTo("candidate.zip.traversal");
		assertThat(refusal(Photos.zip(Map.of("/tmp/x.jpg", photo)))).isEqualTo("candidate.zip.traversal");
		assertThat(refusal(Photos.zip(Map.of("a\\..\\..\\x.jpg", photo)))).isEqualTo("candidate.zip.traversal");
		assertThat(refusal(Photos.zip(Map.of("C:/x.jpg", photo)))).isEqualTo("candidate.zip.traversal");
	}

	@Test
	void tooManyEntriesAreRefusedBeforeInflating() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (int i = 0; i <= PhotoZip.MAX_ENTRIES; i++) {
			files.put(i + ".jpg", new byte[0]);
		}
		assertThat(refusal(Photos.zip(files))).isEqualTo("candidate.zip.tooManyEntries");
	}

	@Test
	void aZipBombIsRefusedByItsDeclaredSizes() {
		// Three entries declaring 1 GB each: the central directory says 3 GB > 2 GB; nothing is inflated.
		byte[] zip = DeclaredSizeZip.entriesDeclaring(3, 1L << 30);
		assertThat(refusal(zip)).isEqualTo("candidate.zip.tooLarge");
	}

	@Test
	void aFileLargerThanItsLimitIsCutOffWhileInflating() {
		// 50 MB of zeros compress to ~50 KB: refused per file after reading 5 MB + 1 byte.
		var entries = read(Photos.zip(Map.of("110105194912310021.jpg", new byte[50 * 1024 * 1024])));
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.problemKey()).isEqualTo("candidate.photo.tooLarge");
			assertThat(e.content()).isNull();
		});
	}

	@Test
	void nestedArchivesAndOtherFilesAreReportedPerFile() {
		byte[] inner = Photos.zip(Map.of("a.jpg", Photos.image(295, 413, "jpg")));
		var entries = read(Photos.zip(new LinkedHashMap<>(Map.of("inner.zip", inner, "readme.txt", "hi".getBytes(),
				"disguised.jpg", inner, "dir/110105194912310021.jpg", Photos.image(295, 413, "jpg")))));
		assertThat(entries).extracting(PhotoZip.Entry::fileName, PhotoZip.Entry::problemKey)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("inner.zip", "candidate.photo.nested"),
					org.assertj.core.groups.Tuple.tuple("readme.txt", "candidate.photo.notImage"),
					org.assertj.core.groups.Tuple.tuple("disguised.jpg", "candidate.photo.nested"),
					org.assertj.core.groups.Tuple.tuple("110105194912310021.jpg", null));
	}

	@Test
	void aZipThatIsNotOneIsRefused() {
		assertThatThrownBy(() -> read("PK\3\4garbage".getBytes())).isInstanceOf(InvalidInputProblem.class);
	}
}
