package cn.kaowu.platform.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A PdfCanvas page signed with the platform key verifies; any change to the file or its byte range does not. */
class PdfSignaturesTest {

	private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));

	@TempDir
	static Path keys;

	private static PdfSignatures signatures;

	private static byte[] unsigned;

	private static byte[] signed;

	@BeforeAll
	static void sign() {
		signatures = PdfSignatures.open(keys, "考务平台 测试评价组织", CLOCK);
		try (PdfCanvas pdf = PdfCanvas.create("证书")) {
			pdf.newPage(PdfCanvas.A4_LANDSCAPE);
			pdf.textCentered("职业技能等级证书", 148, 40, 24);
			pdf.text("张三", 40, 80, 14);
			unsigned = pdf.toBytes();
		}
		signed = signatures.sign(unsigned, "1+X 职业技能等级证书", "北京");
	}

	@Test
	void aSignedCanvasVerifiesWithItsSigner() throws IOException {
		PdfSignatures.Verification result = PdfSignatures.verify(signed);
		assertThat(result.status()).as(result.problem()).isEqualTo(PdfSignatures.Status.VALID);
		assertThat(result.valid()).isTrue();
		assertThat(result.signer()).isEqualTo("考务平台 测试评价组织");
		assertThat(result.signedAt()).isEqualTo(NOW);
		assertThat(result.reason()).isEqualTo("1+X 职业技能等级证书");
		assertThat(result.location()).isEqualTo("北京");
		assertThat(result.signatures()).isEqualTo(1);
		assertThat(result.certificateSha256()).isEqualTo(signatures.certificateSha256());
		// an incremental update: the drawn file is kept byte for byte in front
		assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
		try (PDDocument doc = Loader.loadPDF(signed)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("职业技能等级证书", "张三");
		}
		String text = new String(signed, StandardCharsets.ISO_8859_1);
		assertThat(text).contains("/SubFilter /ETSI.CAdES.detached");
	}

	@Test
	void anUnsignedPdfIsReportedUnsigned() {
		PdfSignatures.Verification result = PdfSignatures.verify(unsigned);
		assertThat(result.status()).isEqualTo(PdfSignatures.Status.UNSIGNED);
		assertThat(result.valid()).isFalse();
	}

	@Test
	void oneChangedByteInTheSignedRangeFails() {
		// a byte of the first signed range that leaves the file readable: the catalog's /Version 1.6 becomes 1.5
		byte[] altered = signed.clone();
		int at = indexOf(altered, "/Version /1.6", 0);
		assertThat(at).isPositive();
		altered[at + "/Version /1.".length()] = '5';
		PdfSignatures.Verification result = PdfSignatures.verify(altered);
		assertThat(result.status()).isEqualTo(PdfSignatures.Status.INVALID);
		assertThat(result.problem()).contains("digest mismatch");
		assertThat(result.signer()).isEqualTo("考务平台 测试评价组织");
		// also a byte in the second range (after the signature's contents, in the incremental update)
		byte[] tail = signed.clone();
		tail[tail.length - 20] ^= 0x01;
		assertThat(PdfSignatures.verify(tail).valid()).isFalse();
		// and every single byte of the original drawing, sampled
		for (int i = 100; i < unsigned.length; i += unsigned.length / 7) {
			byte[] one = signed.clone();
			one[i] = (byte) (one[i] == 'A' ? 'B' : 'A');
			assertThat(PdfSignatures.verify(one).valid()).as("byte %d changed", i).isFalse();
		}
	}

	@Test
	void aTruncatedOrExtendedFileOrAnotherByteRangeFails() {
		assertThat(PdfSignatures.verify(Arrays.copyOf(signed, signed.length - 1)).valid()).isFalse();
		byte[] extended = Arrays.copyOf(signed, signed.length + 10);
		Arrays.fill(extended, signed.length, extended.length, (byte) ' ');
		assertThat(PdfSignatures.verify(extended).valid()).isFalse();

		// a byte range that leaves the last signed byte out (same length, so the file still parses)
		String text = new String(signed, StandardCharsets.ISO_8859_1);
		Matcher m = Pattern.compile("/ByteRange \\[(\\d+) (\\d+) (\\d+) (\\d+)\\]").matcher(text);
		assertThat(m.find()).isTrue();
		long last = Long.parseLong(m.group(4));
		String original = m.group();
		String shorter = original.replace(" " + last + "]", " " + (last - 1) + "]");
		shorter = shorter + " ".repeat(original.length() - shorter.length());
		byte[] moved = text.replace(original, shorter).getBytes(StandardCharsets.ISO_8859_1);
		assertThat(moved).hasSameSizeAs(signed);
		assertThat(PdfSignatures.verify(moved).valid()).isFalse();
	}

	@Test
	void theKeyIsKeptOwnerOnlyAndReusedOnTheNextStart() throws IOException {
		PdfSignatures again = PdfSignatures.open(keys, "另一个名字", Clock.systemUTC());
		assertThat(again.certificateSha256()).isEqualTo(signatures.certificateSha256());
		assertThat(again.signer()).isEqualTo("考务平台 测试评价组织");
		assertThat(PdfSignatures.verify(again.sign(unsigned, null, null)).valid()).isTrue();
		Path key = keys.resolve(PdfSignatures.KEY_FILE);
		assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(signatures.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
		if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
		}
	}

	@Test
	void signingTwiceKeepsBothAndTheLastCoversEverything() {
		byte[] twice = signatures.sign(signed, "复核", null);
		PdfSignatures.Verification result = PdfSignatures.verify(twice);
		assertThat(result.valid()).isTrue();
		assertThat(result.signatures()).isEqualTo(2);
		assertThat(result.reason()).isEqualTo("复核");
	}

	/** poppler's pdfsig (installed by CI) accepts the signature, when it is on this machine. */
	@Test
	void pdfsigAcceptsTheSignature() throws Exception {
		Path pdfsig = Path.of("/usr/bin/pdfsig");
		assumeTrue(Files.isExecutable(pdfsig), "pdfsig (poppler-utils) not installed");
		Path file = Files.createTempFile(keys, "signed", ".pdf");
		Files.write(file, signed);
		Process process = new ProcessBuilder(pdfsig.toString(), file.toString()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "pdfsignatures-test.pdf"), signed);
		assertThat(output).contains("Signature Validation: Signature is Valid.");
		assertThat(output).contains("Signature Type: ETSI.CAdES.detached");
		assertThat(output).contains("Total document signed");
	}

	private static int indexOf(byte[] data, String ascii, int from) {
		byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
		outer: for (int i = from; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
