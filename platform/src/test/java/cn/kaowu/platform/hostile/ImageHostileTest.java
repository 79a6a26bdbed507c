package cn.kaowu.platform.hostile;

import static cn.kaowu.platform.hostile.HostileFiles.jpegDeclaring;
import static cn.kaowu.platform.hostile.HostileFiles.png;
import static cn.kaowu.platform.hostile.HostileFiles.pngDeclaring;
import static cn.kaowu.platform.hostile.HostileFiles.refusalKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.kaowu.platform.candidate.Photos;
import cn.kaowu.platform.candidate.CandidatePhotos;
import cn.kaowu.platform.certificate.StampRules;
import cn.kaowu.platform.storage.FileStorage;
import cn.kaowu.platform.storage.FileType;
import cn.kaowu.platform.storage.UploadRules;
import org.junit.jupiter.api.Test;

/**
 * Hostile images (issue 10 part 4): decompression bombs (PNG and JPEG headers declaring 65,535 or 2^31-1 pixels a
 * side in a few kilobytes), wrong magic, truncated, a zip or a PDF named .png. The signature stamp, the candidate
 * photo and the upload type check each refuse them with a Chinese message within the safety bound, without
 * allocating the declared raster.
 */
class ImageHostileTest {

	static final List<byte[]> BOMBS = List.of(pngDeclaring(65_535, 65_535), pngDeclaring(Integer.MAX_VALUE, Integer.MAX_VALUE),
			pngDeclaring(100_000, 100_000), pngDeclaring(20_000, 20_000), pngDeclaring(200, 20_000), pngDeclaring(150, 150_000_000), pngDeclaring(0, 0), pngDeclaring(-1, -1),
			jpegDeclaring(65_535, 65_535), jpegDeclaring(0, 0));

	@Test
	void validImagesPassSoTheCasesBelowAreMeaningful() {
		assertThat(StampRules.check("stamp.png", png(120, 120, true)).width()).isEqualTo(120);
		assertThat(CandidatePhotos.problem(Photos.image(295, 413, "jpg"))).isEmpty();
	}

	@Test
	void decompressionBombsAreRefusedFromTheHeader() {
		for (byte[] bomb : BOMBS) {
			assertThat(bomb.length).isLessThan(10_000);
			if (bomb[0] == (byte) 0x89) {
				assertThat(refusalKey(() -> StampRules.check("stamp.png", bomb))).startsWith("certificate.stamp.");
			}
			Optional<CandidatePhotos.Problem> problem = assertTimeoutPreemptively(HostileFiles.BOUND,
					() -> CandidatePhotos.problem(bomb));
			assertThat(problem).isPresent();
			assertThat(problem.get().key()).isIn("candidate.photo.size", "candidate.photo.unreadable");
		}
	}

	@Test
	void aBombDeclaringSquareStampSidesIsRefusedByItsSideNotDecoded() {
		var problem = HostileFiles.refusal(() -> StampRules.check("stamp.png", pngDeclaring(40_000, 40_000)));
		assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo("certificate.stamp.size");
		assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).containsPattern("40,?000");
	}

	@Test
	void wrongMagicAndTruncatedImagesAreRefused() {
		byte[] stamp = png(120, 120, true);
		byte[] photo = Photos.image(295, 413, "jpg");
		byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] zip = HostileFiles.zip(java.util.Map.of("a.png", stamp));
		byte[] gif = "GIF89a\1\0\1\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (byte[] wrong : List.of(pdf, zip, gif, svg, photo, new byte[0], new byte[] {(byte) 0x89, 'P', 'N'})) {
			assertThat(refusalKey(() -> StampRules.check("stamp.png", wrong))).isIn("upload.wrongType", "upload.empty");
		}
		for (byte[] wrong : List.of(pdf, zip, gif, svg, new byte[0])) {
			assertThat(CandidatePhotos.problem(wrong).map(CandidatePhotos.Problem::key))
				.hasValueSatisfying(k -> assertThat(k).isIn("candidate.photo.type", "candidate.photo.empty"));
		}
		for (int cut : new int[] {8, 16, 33, 50, stamp.length / 2, stamp.length - 12, stamp.length - 1}) {
			byte[] truncated = Arrays.copyOf(stamp, cut);
			assertThat(refusalKey(() -> StampRules.check("stamp.png", truncated))).startsWith("certificate.stamp.");
		}
		for (int cut : new int[] {3, 20, 200, photo.length / 2, photo.length - 2}) {
			assertThat(CandidatePhotos.problem(Arrays.copyOf(photo, cut))).isPresent();
		}
		// Right magic, nothing else.
		byte[] magicOnly = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
		assertThat(refusalKey(() -> StampRules.check("stamp.png", magicOnly))).isEqualTo("certificate.stamp.truncated");
	}

	@Test
	void uploadChecksGoByContentNotName() {
		UploadRules pdfOnly = UploadRules.of(1, FileType.PDF);
		byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
		byte[] html = "<html><script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		for (byte[] wrong : List.of(exe, html, png(10, 10, false), new byte[] {'%', 'P', 'D'})) {
			assertThat(refusalKey(() -> FileStorage.check("file", "证明.pdf", wrong, pdfOnly))).isEqualTo("upload.wrongType");
		}
		assertThat(refusalKey(() -> FileStorage.check("file", "证明.pdf", new byte[0], pdfOnly))).isEqualTo("upload.empty");
		byte[] big = new byte[(int) UploadRules.MB + 1];
		big[0] = '%';
		assertThat(refusalKey(() -> FileStorage.check("file", "证明.pdf", big, pdfOnly))).isEqualTo("upload.tooLarge");
		// A name trying to climb out, with control characters, is cut down to a safe name in the message.
		var problem = HostileFiles.refusal(() -> FileStorage.check("file", "../../etc/passwd\u0000.pdf\r\n", exe, pdfOnly));
		assertThat(HostileFiles.zh(problem.fieldProblems().get(0))).doesNotContain("../", "\u0000", "\r");
	}
}
