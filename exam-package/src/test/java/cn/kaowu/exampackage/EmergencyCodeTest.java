package cn.kaowu.exampackage;

import static cn.kaowu.exampackage.ExamPackageTest.PLATFORM;
import static cn.kaowu.exampackage.ExamPackageTest.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmergencyCodeTest {

    @TempDir
    Path dir;

    private Path write(String packageId, byte[] releaseKey, int iterations) throws IOException {
        Path file = dir.resolve(packageId + ".kwpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExamPackageWriter writer = ExamPackageWriter.start(out, ExamPackageTest.manifest(packageId), releaseKey,
                    SITE.getPublic(), PLATFORM.getPrivate(), iterations);
            ExamPackageTest.candidates().forEach(writer::addCandidate);
            writer.finish();
        }
        return file;
    }

    @Test
    void isFourGroupsOfFiveDigitsAndStableForThePackage() {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();

        String code = EmergencyCode.forPackage(releaseKey, "PKG-1");

        assertThat(code).matches("\\d{5}-\\d{5}-\\d{5}-\\d{5}");
        assertThat(EmergencyCode.forPackage(releaseKey, "PKG-1")).isEqualTo(code);
        assertThat(EmergencyCode.forPackage(releaseKey, "PKG-2")).isNotEqualTo(code);
        assertThat(EmergencyCode.normalise(code.replace("-", " "))).isEqualTo(code.replace("-", ""));
    }

    @Test
    void unlocksItsPackageWithTheProductionWorkFactor() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ExamPackageReader reader = ExamPackageReader.verify(write("PKG-1", releaseKey, EmergencyCode.ITERATIONS),
                PLATFORM.getPublic());

        byte[] recovered = reader.releaseKeyFromEmergencyCode(SITE.getPrivate(),
                EmergencyCode.forPackage(releaseKey, "PKG-1"));

        assertThat(recovered).isEqualTo(releaseKey);
        assertThat(reader.readAll(SITE.getPrivate(), recovered).candidates()).hasSize(2);
    }

    @Test
    void theCodeOfAnotherPackageDoesNotUnlock() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ExamPackageReader reader = ExamPackageReader.verify(write("PKG-1", releaseKey, 1_000), PLATFORM.getPublic());
        // Same release key even, so only the binding to the package id tells them apart.
        String otherPackagesCode = EmergencyCode.forPackage(releaseKey, "PKG-2");

        assertThatThrownBy(() -> reader.releaseKeyFromEmergencyCode(SITE.getPrivate(), otherPackagesCode))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("应急解锁码错误")
                .hasMessageContaining("(wrong emergency code, or the code of another package)");
    }

    @Test
    void aWrongCodeWithAValidCheckDigitFails() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ExamPackageReader reader = ExamPackageReader.verify(write("PKG-1", releaseKey, 1_000), PLATFORM.getPublic());
        String digits = EmergencyCode.normalise(EmergencyCode.forPackage(releaseKey, "PKG-1"));
        String body = (digits.charAt(0) == '9' ? "1" : "9") + digits.substring(1, EmergencyCode.CODE_DIGITS);
        String wrong = body + EmergencyCode.checkDigit(body);

        assertThatThrownBy(() -> reader.releaseKeyFromEmergencyCode(SITE.getPrivate(), wrong))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(wrong emergency code");
    }

    @Test
    void theCodeAloneIsUselessWithoutTheSitePrivateKey() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ExamPackageReader reader = ExamPackageReader.verify(write("PKG-1", releaseKey, 1_000), PLATFORM.getPublic());
        String code = EmergencyCode.forPackage(releaseKey, "PKG-1");

        assertThatThrownBy(() -> reader.releaseKeyFromEmergencyCode(Sm2Keys.generateKeyPair().getPrivate(), code))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(SM2 decryption failed");
    }

    @Test
    void catchesEverySingleDigitErrorAndEveryNeighbourSwapByTheCheckDigit() {
        String code = EmergencyCode.normalise(EmergencyCode.forPackage(ExamPackageWriter.generateReleaseKey(), "P"));
        for (int i = 0; i < code.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != code.charAt(i)) {
                    String typo = code.substring(0, i) + d + code.substring(i + 1);
                    assertThatThrownBy(() -> EmergencyCode.normalise(typo))
                            .hasMessageContaining("(emergency code check digit does not match");
                }
            }
            if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
                String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
                assertThatThrownBy(() -> EmergencyCode.normalise(swapped)).isInstanceOf(CryptoException.class);
            }
        }
    }

    @Test
    void refusesMalformedInput() {
        assertThatThrownBy(() -> EmergencyCode.normalise("1234-5678"))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(emergency code must be 20 digits)");
        assertThatThrownBy(() -> EmergencyCode.normalise("ABCDE-12345-12345-12345"))
                .isInstanceOf(CryptoException.class);
    }
}
