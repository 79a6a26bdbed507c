package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultPackageTest {

    private static final KeyPair SITE = Sm2Keys.generateKeyPair();
    private static final String SITE_CODE = "30003007-320000-001";
    private static final Instant END = Instant.parse("2026-12-05T02:30:00Z");

    @TempDir
    Path dir;

    /** The platform's memory of accepted packages, as a test double. */
    static final class AcceptedPackages implements ResultReplayGuard {
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> sequences = new HashMap<>();

        void accept(ResultPackageHeader header) {
            ids.add(header.resultPackageId());
            sequences.merge(header.examPackageId(), header.sequence(), Math::max);
        }

        @Override
        public boolean alreadyAccepted(String resultPackageId) {
            return ids.contains(resultPackageId);
        }

        @Override
        public long highestSequence(String examPackageId) {
            return sequences.getOrDefault(examPackageId, 0L);
        }
    }

    private static ResultPackageHeader header(long sequence) {
        return ResultPackageHeader.create("PKG-1", SITE_CODE, 7, sequence, END.plusSeconds(60));
    }

    private static List<CandidateResult> results() {
        return List.of(
                new CandidateResult("2026120500000001", new TreeMap<>(Map.of("S1", "A", "M1", "A,C", "J1", "T")),
                        new BigDecimal("6.0"), List.of(new CandidateResult.Upload("P1", "作品.xlsx", new byte[] {1, 2, 3})),
                        END.minusSeconds(5400), END.minusSeconds(600)),
                new CandidateResult("2026120500000002", new TreeMap<>(Map.of("S1", "B")), BigDecimal.ZERO, List.of(),
                        END.minusSeconds(5300), END),
                new CandidateResult("2026120500000003", new TreeMap<>(), BigDecimal.ZERO, List.of(), null, null));
    }

    private static RoomRecord room() {
        return new RoomRecord("101", "考场记录：无异常；封场确认 14:31".getBytes(StandardCharsets.UTF_8));
    }

    private static String write(OutputStream out, ResultPackageHeader header) {
        ResultPackageWriter writer = ResultPackageWriter.start(out, header, SITE.getPrivate());
        results().forEach(writer::addCandidate);
        writer.addRoomRecord(room());
        return writer.finish();
    }

    private Path writeFile(ResultPackageHeader header) throws IOException {
        Path file = dir.resolve(header.resultPackageId() + ".kwres");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, header);
        }
        return file;
    }

    @Test
    void roundTrips() throws IOException {
        ResultPackageHeader header = header(1);
        Path file = dir.resolve("r.kwres");
        String head;
        try (OutputStream out = Files.newOutputStream(file)) {
            head = write(out, header);
        }
        List<RoomRecord> rooms = new ArrayList<>();

        ResultPackageVerifier verifier = ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                new AcceptedPackages());
        List<CandidateResult> candidates = new ArrayList<>();
        verifier.read(new ResultPackageVisitor() {
            @Override
            public void candidate(CandidateResult result) {
                candidates.add(result);
            }

            @Override
            public void roomRecord(RoomRecord record) {
                rooms.add(record);
            }
        });

        assertThat(verifier.header()).isEqualTo(header);
        assertThat(verifier.chainHead()).isEqualTo(head).hasSize(64);
        assertThat(verifier.candidateCount()).isEqualTo(3);
        assertThat(candidates).containsExactlyElementsOf(results());
        assertThat(rooms).containsExactly(room());
        assertThat(verifier.readCandidates()).containsExactlyElementsOf(results());
    }

    @Test
    void refusesABadSignature() throws IOException {
        Path file = writeFile(header(1));

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, Sm2Keys.generateKeyPair().getPublic(),
                new AcceptedPackages()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(result package signature invalid");
    }

    @Test
    void refusesEveryFlippedByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, header(1));
        byte[] original = out.toByteArray();
        Path file = dir.resolve("t.kwres");
        List<Integer> accepted = new ArrayList<>();

        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            Files.write(file, tampered);
            try {
                ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(), new AcceptedPackages());
                accepted.add(i);
            } catch (CryptoException expected) {
                // refused
            }
        }

        assertThat(accepted).isEmpty();
    }

    @Test
    void refusesAnotherFormatSignedByTheSameKey() throws IOException {
        Path file = dir.resolve("exam.kwpkg");
        try (OutputStream out = Files.newOutputStream(file)) {
            ExamPackageWriter.start(out, ExamPackageTest.manifest("PKG-1"), ExamPackageWriter.generateReleaseKey(),
                    SITE.getPublic(), SITE.getPrivate(), 1_000).finish();
        }

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                new AcceptedPackages()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(not a result package of this format version)");
    }

    @Test
    void refusesAPackageOfAnotherSite() throws IOException {
        Path file = writeFile(header(1));

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, "30003007-320000-002", SITE.getPublic(),
                new AcceptedPackages()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(result package is from site 30003007-320000-001, not 30003007-320000-002)");
    }

    @Test
    void refusesAReplayedPackageId() throws IOException {
        Path file = writeFile(header(1));
        AcceptedPackages platform = new AcceptedPackages();
        platform.accept(ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(), platform).header());

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(), platform))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("拒绝重放")
                .hasMessageContaining("was already accepted: replay refused");
    }

    @Test
    void refusesAnOlderUploadAfterANewerOne() throws IOException {
        Path first = writeFile(header(1));
        Path second = writeFile(header(2));
        AcceptedPackages platform = new AcceptedPackages();
        platform.accept(ResultPackageVerifier.verify(second, SITE_CODE, SITE.getPublic(), platform).header());

        assertThatThrownBy(() -> ResultPackageVerifier.verify(first, SITE_CODE, SITE.getPublic(), platform))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(result package sequence 1 is not above the accepted 2");
    }

    // The chain cases below are signed with the site key after tampering, as a compromised or buggy site
    // program would do: the signature passes and only the chain catches them.

    private record Raw(int type, byte[] entry, byte[] hash) {
    }

    private static List<Raw> genuineEntries(ResultPackageHeader header) {
        List<Raw> raws = new ArrayList<>();
        byte[] chain = ResultPackageWriter.chainStart(header.encode());
        List<byte[]> entries = new ArrayList<>();
        results().forEach(r -> entries.add(r.encode()));
        for (byte[] entry : entries) {
            chain = ResultPackageWriter.link(chain, ResultPackageWriter.CANDIDATE, entry);
            raws.add(new Raw(ResultPackageWriter.CANDIDATE, entry, chain));
        }
        return raws;
    }

    private Path signRaw(ResultPackageHeader header, List<Raw> raws, byte[] head) throws IOException {
        Path file = dir.resolve("raw-" + System.nanoTime() + ".kwres");
        try (OutputStream out = Files.newOutputStream(file)) {
            SignedContainer.Writer writer = new SignedContainer.Writer(out, ResultPackageWriter.MAGIC,
                    SITE.getPrivate(), header.encode());
            for (Raw raw : raws) {
                byte[] record = new byte[raw.entry().length + raw.hash().length];
                System.arraycopy(raw.entry(), 0, record, 0, raw.entry().length);
                System.arraycopy(raw.hash(), 0, record, raw.entry().length, raw.hash().length);
                writer.record(raw.type(), record);
            }
            writer.record(ResultPackageWriter.END, new Binary.Out().i32(raws.size()).i32(0).bytes(head).toByteArray());
            writer.finish();
        }
        return file;
    }

    @Test
    void theUntamperedRawBuildIsAccepted() throws IOException {
        ResultPackageHeader header = header(1);
        List<Raw> raws = genuineEntries(header);

        Path file = signRaw(header, raws, raws.get(raws.size() - 1).hash());

        assertThat(ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(), new AcceptedPackages())
                .candidateCount()).isEqualTo(3);
    }

    @Test
    void refusesAChangedEntry() throws IOException {
        ResultPackageHeader header = header(1);
        List<Raw> raws = new ArrayList<>(genuineEntries(header));
        byte[] changed = new CandidateResult("2026120500000002", new TreeMap<>(Map.of("S1", "C")), BigDecimal.TEN,
                List.of(), END, END).encode();
        raws.set(1, new Raw(raws.get(1).type(), changed, raws.get(1).hash()));

        Path file = signRaw(header, raws, raws.get(2).hash());

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                new AcceptedPackages()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(result package hash chain broken");
    }

    @Test
    void refusesReorderedAndRemovedEntries() throws IOException {
        ResultPackageHeader header = header(1);
        List<Raw> genuine = genuineEntries(header);
        byte[] head = genuine.get(2).hash();
        List<Raw> swapped = new ArrayList<>(genuine);
        Collections.swap(swapped, 0, 1);
        List<Raw> removed = new ArrayList<>(genuine);
        removed.remove(1);
        List<Raw> lastRemoved = new ArrayList<>(genuine.subList(0, 2));

        for (Path file : List.of(signRaw(header, swapped, head), signRaw(header, removed, head),
                signRaw(header, lastRemoved, head))) {
            assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                    new AcceptedPackages()))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("(result package hash chain broken");
        }
    }

    @Test
    void refusesAChainStartedForAnotherHeader() throws IOException {
        List<Raw> raws = genuineEntries(header(1)); // chain bound to another result package id

        Path file = signRaw(header(1), raws, raws.get(2).hash());

        assertThatThrownBy(() -> ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                new AcceptedPackages()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(result package hash chain broken");
    }

    @Test
    void refusesTheSameCandidateTwiceWhenWriting() {
        ResultPackageWriter writer = ResultPackageWriter.start(new ByteArrayOutputStream(), header(1),
                SITE.getPrivate());
        writer.addCandidate(results().get(0));

        assertThatThrownBy(() -> writer.addCandidate(results().get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptIsRecomputableFromTheUploadedEntry() throws IOException {
        CandidateResult submitted = results().get(0);
        Receipt shownOnTheSubmitScreen = Receipt.of(submitted.ticketNumber(), Map.of("J1", "T", "S1", "A", "M1", "A,C"));
        Path file = writeFile(header(1));

        CandidateResult uploaded = ResultPackageVerifier.verify(file, SITE_CODE, SITE.getPublic(),
                new AcceptedPackages()).readCandidates().get(0);

        assertThat(uploaded.receipt()).isEqualTo(shownOnTheSubmitScreen);
    }
}
