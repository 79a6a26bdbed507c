package cn.kaowu.exampackage.hostile;

import static cn.kaowu.exampackage.hostile.HostilePackages.NONE_ACCEPTED;
import static cn.kaowu.exampackage.hostile.HostilePackages.OTHER;
import static cn.kaowu.exampackage.hostile.HostilePackages.PLATFORM;
import static cn.kaowu.exampackage.hostile.HostilePackages.SITE;
import static cn.kaowu.exampackage.hostile.HostilePackages.body;
import static cn.kaowu.exampackage.hostile.HostilePackages.readExam;
import static cn.kaowu.exampackage.hostile.HostilePackages.readResult;
import static cn.kaowu.exampackage.hostile.HostilePackages.records;
import static cn.kaowu.exampackage.hostile.HostilePackages.resultHeader;
import static cn.kaowu.exampackage.hostile.HostilePackages.resultPackage;
import static cn.kaowu.exampackage.hostile.HostilePackages.sign;
import static cn.kaowu.exampackage.hostile.HostilePackages.withRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.hostile.HostilePackages.Part;
import org.junit.jupiter.api.Test;

/**
 * Crafted hostile package and result files (issue 10 part 4): truncated, reordered, replayed, forged, oversized
 * lengths. Each is refused with a Chinese message within a generous safety bound (not a benchmark).
 */
class PackageFilesHostileTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static String refusal(Runnable read) {
        Throwable t = assertTimeoutPreemptively(BOUND, () -> catchThrowable(read::run));
        HostilePackages.assertRefusedClearly(t);
        return t.getMessage();
    }

    @Test
    void aValidResultPackageIsReadSoTheCasesBelowAreMeaningful() {
        assertThat(readResult(resultPackage(resultHeader(1)), NONE_ACCEPTED)).hasSize(4);
        assertThat(readExam(HostilePackages.examPackage())).isEqualTo(1);
    }

    @Test
    void truncatedFilesAreRefusedAtEveryCut() {
        byte[] result = resultPackage(resultHeader(1));
        byte[] exam = HostilePackages.examPackage();
        int cases = 0;
        for (byte[] file : List.of(result, exam)) {
            for (int cut = 0; cut < file.length; cut += Math.max(1, file.length / 97)) {
                byte[] truncated = Arrays.copyOf(file, cut);
                if (file == result) {
                    assertThat(refusal(() -> readResult(truncated, NONE_ACCEPTED))).contains("成绩包");
                }
                else {
                    assertThat(refusal(() -> readExam(truncated))).contains("考试包");
                }
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(150);
    }

    @Test
    void forgedSignaturesAreRefused() {
        byte[] file = resultPackage(resultHeader(1));
        byte[] body = body(file);
        // Signed by another site's key.
        assertThat(refusal(() -> readResult(sign(body, OTHER.getPrivate()), NONE_ACCEPTED))).contains("签名无效");
        // A body changed after signing, the old signature kept.
        byte[] changed = file.clone();
        changed[body.length - 40] ^= 1;
        assertThat(refusal(() -> readResult(changed, NONE_ACCEPTED))).contains("签名无效");
        // The signature itself changed, and a signature of garbage of the right length.
        byte[] badSig = file.clone();
        badSig[body.length + 10] ^= 0x40;
        assertThat(refusal(() -> readResult(badSig, NONE_ACCEPTED))).contains("签名无效");
        byte[] garbage = file.clone();
        Arrays.fill(garbage, body.length, file.length - 6, (byte) 0x30);
        assertThat(refusal(() -> readResult(garbage, NONE_ACCEPTED))).contains("签名无效");
        // A signature length in the trailer pointing before the start, and beyond the largest SM2 signature.
        for (int length : new int[] {0xffff, 81, 7, 0}) {
            byte[] trailer = file.clone();
            trailer[file.length - 6] = (byte) (length >>> 8);
            trailer[file.length - 5] = (byte) length;
            assertThat(refusal(() -> readResult(trailer, NONE_ACCEPTED))).contains("成绩包");
        }
        // An exam package signed by someone other than the platform.
        assertThat(refusal(() -> readExam(sign(body(HostilePackages.examPackage()), SITE.getPrivate()))))
                .contains("考试包签名无效");
    }

    @Test
    void replayedResultPackagesAreRefused() {
        ResultPackageHeader first = resultHeader(2);
        byte[] file = resultPackage(first);
        ResultReplayGuard accepted = new ResultReplayGuard() {
            @Override
            public boolean alreadyAccepted(String resultPackageId) {
                return resultPackageId.equals(first.resultPackageId());
            }

            @Override
            public long highestSequence(String examPackageId) {
                return 2;
            }
        };
        assertThat(refusal(() -> readResult(file, accepted))).contains("拒绝重放");
        // A new id but an older sequence: an earlier upload sent again under a fresh id.
        assertThat(refusal(() -> readResult(resultPackage(resultHeader(1)), accepted))).contains("拒绝旧包重放");
        assertThat(refusal(() -> readResult(resultPackage(resultHeader(2)), accepted))).contains("拒绝旧包重放");
    }

    @Test
    void reorderedDroppedAndDuplicatedRecordsAreRefusedEvenWhenSignedAgain() {
        byte[] body = body(resultPackage(resultHeader(1)));
        List<Part> parts = records(body);
        assertThat(parts).hasSize(6); // 4 candidates, a room record, the end record

        List<Part> swapped = new ArrayList<>(parts);
        Collections.swap(swapped, 0, 2);
        List<Part> dropped = new ArrayList<>(parts);
        dropped.remove(1);
        List<Part> duplicated = new ArrayList<>(parts);
        duplicated.add(1, parts.get(0));
        List<Part> endFirst = new ArrayList<>(parts);
        endFirst.add(0, endFirst.remove(endFirst.size() - 1));
        List<Part> noEnd = new ArrayList<>(parts.subList(0, parts.size() - 1));
        List<Part> twoEnds = new ArrayList<>(parts);
        twoEnds.add(parts.getLast());
        List<Part> unknownType = new ArrayList<>(parts);
        unknownType.add(2, new Part(77, new byte[40], 0, 0));
        for (List<Part> order : List.of(swapped, dropped, duplicated, endFirst, noEnd, twoEnds, unknownType)) {
            byte[] resigned = sign(withRecords(body, order), SITE.getPrivate());
            assertThat(refusal(() -> readResult(resigned, NONE_ACCEPTED))).contains("成绩包");
        }
        // Records of the exam package are bound to their index by the encryption: a swap fails to decrypt.
        byte[] exam = body(HostilePackages.examPackage());
        List<Part> examParts = new ArrayList<>(records(exam));
        Collections.swap(examParts, 1, 2);
        assertThat(refusal(() -> readExam(sign(withRecords(exam, examParts), PLATFORM.getPrivate())))).isNotBlank();
    }

    @Test
    void hugeDeclaredLengthsAreRefusedWithoutAllocatingThem() {
        byte[] body = body(resultPackage(resultHeader(1)));
        int firstRecord = 12 + ByteBuffer.wrap(body).getInt(8);
        int[] lengths = {Integer.MAX_VALUE, -1, 256 * 1024 * 1024, 256 * 1024 * 1024 + 1, Integer.MIN_VALUE};
        for (int length : lengths) {
            byte[] header = body.clone();
            ByteBuffer.wrap(header).putInt(8, length);
            assertThat(refusal(() -> readResult(sign(header, SITE.getPrivate()), NONE_ACCEPTED))).contains("成绩包");
            byte[] record = body.clone();
            ByteBuffer.wrap(record).putInt(firstRecord + 1, length);
            assertThat(refusal(() -> readResult(sign(record, SITE.getPrivate()), NONE_ACCEPTED))).contains("成绩包");
        }
        // Inside the signed header: a string claiming 2 GB.
        byte[] field = body.clone();
        ByteBuffer.wrap(field).putInt(12, Integer.MAX_VALUE);
        assertThat(refusal(() -> readResult(sign(field, SITE.getPrivate()), NONE_ACCEPTED))).contains("成绩包");
    }

    @Test
    void notAContainerAtAll() {
        List<byte[]> files = List.of(new byte[0], new byte[] {'K'}, "KWRESLT1".getBytes(StandardCharsets.US_ASCII),
                "PK\3\4 not a result package at all, a zip".getBytes(StandardCharsets.US_ASCII), new byte[4096],
                "KWSG".getBytes(StandardCharsets.US_ASCII));
        for (byte[] file : files) {
            refusal(() -> readResult(file, NONE_ACCEPTED));
            refusal(() -> readExam(file));
        }
        // A well signed exam package offered as a result package: another format and another key.
        assertThat(refusal(() -> readResult(HostilePackages.examPackage(), NONE_ACCEPTED))).contains("成绩包");
    }

    @Test
    void hostileChunkManifestsAndChunksAreRefused() {
        byte[] data = new byte[5000];
        Arrays.fill(data, (byte) 7);
        ChunkManifest manifest = HostilePackages.withFile(data, f -> ChunkManifest.of(f, "RES-1", 1024));
        byte[] encoded = manifest.encode();
        // Counts and sizes that do not add up, a wrong magic, trailing bytes, a 2 GB string.
        ByteBuffer lying = ByteBuffer.wrap(encoded.clone());
        int lengthAt = 4 + 8 + 4 + 5;
        for (long total : new long[] {0, -1, Long.MAX_VALUE, 1L << 40}) {
            byte[] e = encoded.clone();
            ByteBuffer.wrap(e).putLong(lengthAt, total);
            assertThat(refusal(() -> ChunkManifest.decode(e))).contains("分块清单格式错误");
        }
        for (int chunkSize : new int[] {0, -1, 1023, Integer.MAX_VALUE}) {
            byte[] e = encoded.clone();
            ByteBuffer.wrap(e).putInt(lengthAt + 8, chunkSize);
            assertThat(refusal(() -> ChunkManifest.decode(e))).contains("分块清单格式错误");
        }
        lying.putInt(0, Integer.MAX_VALUE);
        assertThat(refusal(() -> ChunkManifest.decode(lying.array()))).contains("分块清单格式错误");
        byte[] trailing = Arrays.copyOf(encoded, encoded.length + 1);
        assertThat(refusal(() -> ChunkManifest.decode(trailing))).contains("分块清单格式错误");
        byte[] magic = encoded.clone();
        magic[5] = 'X';
        assertThat(refusal(() -> ChunkManifest.decode(magic))).contains("分块清单格式错误");

        // Chunks: out of range, wrong length, wrong content, reordered, duplicated, missing.
        assertThat(refusal(() -> manifest.verifyChunk(-1, new byte[1024]))).contains("超出范围");
        assertThat(refusal(() -> manifest.verifyChunk(5, new byte[1024]))).contains("超出范围");
        assertThat(refusal(() -> manifest.verifyChunk(0, new byte[1023]))).contains("校验失败");
        assertThat(refusal(() -> manifest.verifyChunk(0, new byte[1024]))).contains("校验失败");
        List<ChunkManifest.Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < manifest.chunkCount(); i++) {
            chunks.add(new ChunkManifest.Chunk(i, Arrays.copyOfRange(data, i * 1024, Math.min(data.length, (i + 1) * 1024))));
        }
        List<ChunkManifest.Chunk> reordered = new ArrayList<>(chunks);
        Collections.swap(reordered, 1, 2);
        List<ChunkManifest.Chunk> duplicated = new ArrayList<>(chunks);
        duplicated.add(1, chunks.get(0));
        List<ChunkManifest.Chunk> missing = new ArrayList<>(chunks.subList(0, 3));
        for (List<ChunkManifest.Chunk> sequence : List.of(reordered, duplicated, missing)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(refusal(() -> manifest.reassemble(sequence, out))).contains("分块");
        }
        assertThat(manifest.missing(Set.of(0, 2, 99, -1))).containsExactly(1, 3, 4);
    }
}
