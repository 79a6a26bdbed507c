package cn.kaowu.exampackage.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.CryptoException;
import cn.kaowu.exampackage.ExamPackageManifest;
import cn.kaowu.exampackage.ExamPackageReader;
import cn.kaowu.exampackage.ExamPackageWriter;
import cn.kaowu.exampackage.PackageCandidate;
import cn.kaowu.exampackage.PaperSpec;
import cn.kaowu.exampackage.PoolItem;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.exampackage.Sm2Signer;
import cn.kaowu.exampackage.SubjectKind;

/**
 * Hostile package and result files for the fuzz tests: valid files built with the real writers, their bytes cut
 * into container parts (body, signature, trailer) so a test can change the body and sign it again — what a rogue
 * site holding its own key can do — and the one accepted outcome check: the file is either read in full or refused
 * with a {@link CryptoException} whose message is Chinese.
 */
final class HostilePackages {

    static final KeyPair PLATFORM = Sm2Keys.generateKeyPair();
    static final KeyPair SITE = Sm2Keys.generateKeyPair();
    static final KeyPair OTHER = Sm2Keys.generateKeyPair();
    static final String SITE_CODE = "30003007-320000-001";
    static final Instant END = Instant.parse("2026-12-05T02:30:00Z");
    static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    static final byte[] RELEASE_KEY = ExamPackageWriter.generateReleaseKey();
    private static final Pattern CHINESE = Pattern.compile(".*[\\u4e00-\\u9fff].*", Pattern.DOTALL);

    private HostilePackages() {
    }

    /** Nothing accepted yet. */
    static final ResultReplayGuard NONE_ACCEPTED = new ResultReplayGuard() {
        @Override
        public boolean alreadyAccepted(String resultPackageId) {
            return false;
        }

        @Override
        public long highestSequence(String examPackageId) {
            return 0;
        }
    };

    static ResultPackageHeader resultHeader(long sequence) {
        return ResultPackageHeader.create("PKG-1", SITE_CODE, 7, sequence, END.plusSeconds(60));
    }

    static byte[] resultPackage(ResultPackageHeader header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultPackageWriter writer = ResultPackageWriter.start(out, header, SITE.getPrivate());
        for (int i = 1; i <= 4; i++) {
            writer.addCandidate(new CandidateResult("202612050000000" + i, new TreeMap<>(Map.of("S1", "A", "M1", "A,C")),
                    new BigDecimal("6.0"), List.of(new CandidateResult.Upload("P1", "作品.xlsx", new byte[] {1, 2, 3})),
                    END.minusSeconds(5400), END.minusSeconds(600)));
        }
        writer.addRoomRecord(new RoomReport(RoomReport.VERSION, "PKG-1", "2号楼102",
                List.of(new RoomReport.Seat("2026120500000001", 1, RoomReport.Outcome.SUBMITTED, 5, END)), List.of(),
                List.of(new RoomReport.Incident("2026120500000002", RoomReport.IncidentKind.DISQUALIFICATION, "夹带资料",
                        false, List.of("赵监考", "钱监考"), END)),
                List.of(), new RoomReport.Seal(true, true, true, true, "孙管理员", "周考务", END)).toRecord());
        writer.finish();
        return out.toByteArray();
    }

    static ExamPackageManifest manifest() {
        return ExamPackageManifest.of("PKG-1", 42, SITE_CODE, 7, "理论", SubjectKind.THEORY, START,
                START.plusSeconds(90 * 60), Instant.parse("2026-11-28T08:00:00Z"));
    }

    static byte[] examPackage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExamPackageWriter writer = ExamPackageWriter.start(out, manifest(), RELEASE_KEY, SITE.getPublic(),
                PLATFORM.getPrivate());
        writer.addCandidate(new PackageCandidate("2026120500000001", "张三", "3201**********1234", "2号楼102", 1,
                new byte[] {(byte) 0xff, (byte) 0xd8, 1}));
        writer.addItem(new PoolItem("Q1", "单选 1".getBytes(StandardCharsets.UTF_8)));
        writer.addItem(new PoolItem("Q2", "单选 2".getBytes(StandardCharsets.UTF_8)));
        writer.addPaper(new PaperSpec("2026120500000001",
                List.of(new PaperSpec.Section("单选题", List.of("Q1", "Q2")))));
        writer.finish();
        return out.toByteArray();
    }

    /** The signed body of a container: everything before the signature. */
    static byte[] body(byte[] file) {
        int n = file.length;
        int signatureLength = ((file[n - 6] & 0xff) << 8) | (file[n - 5] & 0xff);
        return Arrays.copyOf(file, n - 6 - signatureLength);
    }

    /** {@code body} signed with {@code key} and closed with the trailer, as the container writer does. */
    static byte[] sign(byte[] body, PrivateKey key) {
        byte[] signature = Sm2Signer.sign(key, body);
        ByteBuffer out = ByteBuffer.allocate(body.length + signature.length + 6);
        out.put(body).put(signature).put((byte) (signature.length >>> 8)).put((byte) signature.length)
                .put("KWSG".getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** A record of a container body: its type and data, with where it starts and ends in the body. */
    record Part(int type, byte[] data, int from, int to) {
    }

    /** The records of a container body, in order, the end marker excluded. */
    static List<Part> records(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        in.position(8);
        int headerLength = in.getInt();
        in.position(12 + headerLength);
        List<Part> parts = new ArrayList<>();
        while (true) {
            int from = in.position();
            int type = in.get() & 0xff;
            if (type == 0) {
                return parts;
            }
            byte[] data = new byte[in.getInt()];
            in.get(data);
            parts.add(new Part(type, data, from, in.position()));
        }
    }

    /** The body with its records replaced by {@code parts} (in their new order), then the end marker. */
    static byte[] withRecords(byte[] body, List<Part> parts) {
        int recordsFrom = 12 + ByteBuffer.wrap(body).getInt(8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body, 0, recordsFrom);
        for (Part p : parts) {
            out.write(p.type());
            out.writeBytes(ByteBuffer.allocate(4).putInt(p.data().length).array());
            out.writeBytes(p.data());
        }
        out.write(0);
        return out.toByteArray();
    }

    /** Verifies and reads a result package in full, as the platform does on upload. */
    static List<CandidateResult> readResult(byte[] file, ResultReplayGuard guard) {
        return withFile(file, path -> {
            ResultPackageVerifier verifier = ResultPackageVerifier.verify(path, SITE_CODE, SITE.getPublic(), guard);
            verifier.readRoomReports();
            return verifier.readCandidates();
        });
    }

    /** Verifies and decrypts an exam package in full, as the site does. */
    static int readExam(byte[] file) {
        return withFile(file, path -> {
            ExamPackageReader reader = ExamPackageReader.verify(path, PLATFORM.getPublic());
            return reader.readAll(SITE.getPrivate(), RELEASE_KEY).candidates().size();
        });
    }

    static <T> T withFile(byte[] content, Function<Path, T> read) {
        Path file;
        try {
            file = Files.createTempFile("hostile", ".bin");
            Files.write(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return read.apply(file);
        }
        finally {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }

    /** The one accepted way to refuse: a CryptoException with a Chinese message. */
    static void assertRefusedClearly(Throwable refusal) {
        assertThat(refusal).isInstanceOf(CryptoException.class);
        assertThat(refusal.getMessage()).matches(CHINESE);
    }

    /** Runs {@code read}; returns normally when it accepted the file, checks the refusal otherwise. */
    static boolean acceptedOrRefusedClearly(Runnable read) {
        try {
            read.run();
            return true;
        }
        catch (CryptoException e) {
            assertRefusedClearly(e);
            return false;
        }
    }
}
