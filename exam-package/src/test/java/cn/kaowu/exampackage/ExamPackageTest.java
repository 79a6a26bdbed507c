package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamPackageTest {

    static final int FAST_KDF = 1_000;
    static final KeyPair PLATFORM = Sm2Keys.generateKeyPair();
    static final KeyPair SITE = Sm2Keys.generateKeyPair();
    static final Instant START = Instant.parse("2026-12-05T01:00:00Z");

    @TempDir
    Path dir;

    static ExamPackageManifest manifest(String packageId) {
        return ExamPackageManifest.of(packageId, 42, "30003007-320000-001", 7, "理论", SubjectKind.THEORY, START,
                START.plusSeconds(90 * 60), Instant.parse("2026-11-28T08:00:00Z"));
    }

    static List<PackageCandidate> candidates() {
        return List.of(
                new PackageCandidate("2026120500000001", "张三", "3201**********1234", "2号楼102", 1, new byte[] {(byte) 0xff, (byte) 0xd8, 1}),
                new PackageCandidate("2026120500000002", "李四", "3201**********567X", "2号楼103", 30, new byte[0]));
    }

    static List<PoolItem> items() {
        return List.of(new PoolItem("Q1", "单选 1".getBytes(StandardCharsets.UTF_8)),
                new PoolItem("Q2", "单选 2".getBytes(StandardCharsets.UTF_8)),
                new PoolItem("P1", "实操 1".getBytes(StandardCharsets.UTF_8)));
    }

    static List<PaperSpec> papers() {
        return List.of(
                new PaperSpec("2026120500000001", List.of(new PaperSpec.Section("单选题", List.of("Q1", "Q2")),
                        new PaperSpec.Section("实操题", List.of("P1")))),
                new PaperSpec("2026120500000002", List.of(new PaperSpec.Section("单选题", List.of("Q2", "Q1")))));
    }

    static void write(OutputStream out, String packageId, byte[] releaseKey) {
        ExamPackageWriter writer = ExamPackageWriter.start(out, manifest(packageId), releaseKey, SITE.getPublic(),
                PLATFORM.getPrivate(), FAST_KDF);
        candidates().forEach(writer::addCandidate);
        items().forEach(writer::addItem);
        papers().forEach(writer::addPaper);
        writer.finish();
    }

    Path writeFile(String packageId, byte[] releaseKey) throws IOException {
        Path file = dir.resolve(packageId + ".kwpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, packageId, releaseKey);
        }
        return file;
    }

    @Test
    void roundTrips() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        Path file = writeFile("PKG-1", releaseKey);

        ExamPackageReader reader = ExamPackageReader.verify(file, PLATFORM.getPublic());
        ExamPackageContents contents = reader.readAll(SITE.getPrivate(), releaseKey);

        assertThat(reader.manifest()).isEqualTo(manifest("PKG-1"));
        assertThat(contents.candidates()).containsExactlyElementsOf(candidates());
        assertThat(contents.items().values()).containsExactlyInAnyOrderElementsOf(items());
        assertThat(contents.papers().values()).containsExactlyInAnyOrderElementsOf(papers());
    }

    @Test
    void manifestIsReadableWithoutAnyKeyButTheContentIsNot() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        byte[] bytes = Files.readAllBytes(writeFile("PKG-1", releaseKey));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("30003007-320000-001")
                .doesNotContain("张三").doesNotContain("单选");
    }

    @Test
    void needsBothTheSitePrivateKeyAndTheReleaseKey() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ExamPackageReader reader = ExamPackageReader.verify(writeFile("PKG-1", releaseKey), PLATFORM.getPublic());

        assertThatThrownBy(() -> reader.readAll(Sm2Keys.generateKeyPair().getPrivate(), releaseKey))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(SM2 decryption failed: wrong private key");
        assertThatThrownBy(() -> reader.readAll(SITE.getPrivate(), ExamPackageWriter.generateReleaseKey()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("发布密钥错误")
                .hasMessageContaining("(wrong release key");
    }

    @Test
    void refusesAPackageSignedByAnotherKey() throws IOException {
        Path file = writeFile("PKG-1", ExamPackageWriter.generateReleaseKey());

        assertThatThrownBy(() -> ExamPackageReader.verify(file, Sm2Keys.generateKeyPair().getPublic()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("签名无效")
                .hasMessageContaining("(exam package signature invalid");
    }

    @Test
    void refusesEveryFlippedByte() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "PKG-1", releaseKey);
        byte[] original = out.toByteArray();
        Path file = dir.resolve("tampered.kwpkg");

        // Every byte is covered: header, wrapped keys, records, end marker, signature and trailer.
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            Files.write(file, tampered);
            try {
                ExamPackageReader.verify(file, PLATFORM.getPublic()).readAll(SITE.getPrivate(), releaseKey);
                accepted.add(i);
            } catch (CryptoException expected) {
                // refused
            }
        }

        assertThat(accepted).isEmpty();
    }

    @Test
    void refusesTruncatedAndExtendedFiles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "PKG-1", ExamPackageWriter.generateReleaseKey());
        byte[] original = out.toByteArray();
        Path file = dir.resolve("cut.kwpkg");

        for (byte[] bytes : List.of(Arrays.copyOf(original, original.length - 1), Arrays.copyOf(original, 10),
                new byte[0], Arrays.copyOf(original, original.length + 1))) {
            Files.write(file, bytes);
            assertThatThrownBy(() -> ExamPackageReader.verify(file, PLATFORM.getPublic()))
                    .isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void anUnfinishedPackageIsRefused() throws IOException {
        Path file = dir.resolve("unfinished.kwpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExamPackageWriter writer = ExamPackageWriter.start(out, manifest("PKG-1"),
                    ExamPackageWriter.generateReleaseKey(), SITE.getPublic(), PLATFORM.getPrivate(), FAST_KDF);
            candidates().forEach(writer::addCandidate);
        }

        assertThatThrownBy(() -> ExamPackageReader.verify(file, PLATFORM.getPublic()))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void detectsAFileReplacedAfterVerification() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        Path file = writeFile("PKG-1", releaseKey);
        ExamPackageReader reader = ExamPackageReader.verify(file, PLATFORM.getPublic());
        Path other = writeFile("PKG-2", releaseKey);
        Files.copy(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> reader.readAll(SITE.getPrivate(), releaseKey))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesDuplicateRecordsWhenWriting() {
        ExamPackageWriter writer = ExamPackageWriter.start(new ByteArrayOutputStream(), manifest("PKG-1"),
                ExamPackageWriter.generateReleaseKey(), SITE.getPublic(), PLATFORM.getPrivate(), FAST_KDF);
        writer.addItem(items().get(0));

        assertThatThrownBy(() -> writer.addItem(items().get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamsRecordsOneByOne() throws IOException {
        byte[] releaseKey = ExamPackageWriter.generateReleaseKey();
        Path file = dir.resolve("big.kwpkg");
        byte[] photo = new byte[200_000];
        try (OutputStream out = Files.newOutputStream(file)) {
            ExamPackageWriter writer = ExamPackageWriter.start(out, manifest("PKG-BIG"), releaseKey,
                    SITE.getPublic(), PLATFORM.getPrivate(), FAST_KDF);
            for (int i = 0; i < 100; i++) {
                writer.addCandidate(new PackageCandidate("T" + i, "考生" + i, "****", "101", i + 1, photo));
            }
            writer.finish();
        }
        int[] seen = {0};

        ExamPackageReader.verify(file, PLATFORM.getPublic()).read(SITE.getPrivate(), releaseKey,
                new ExamPackageVisitor() {
                    @Override
                    public void candidate(PackageCandidate candidate) {
                        assertThat(candidate.ticketNumber()).isEqualTo("T" + seen[0]++);
                    }
                });

        assertThat(seen[0]).isEqualTo(100);
        assertThat(Files.size(file)).isGreaterThan(100L * photo.length);
    }
}
