package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkManifestTest {

    private static final int SIZE = 1024;

    @TempDir
    Path dir;

    private Path file;
    private byte[] content;
    private ChunkManifest manifest;

    @BeforeEach
    void writeFile() throws IOException {
        content = new byte[SIZE * 5 + 123];
        new Random(7).nextBytes(content);
        file = dir.resolve("result.kwres");
        Files.write(file, content);
        manifest = ChunkManifest.of(file, "R-1", SIZE);
    }

    private List<ChunkManifest.Chunk> chunks() {
        return IntStream.range(0, manifest.chunkCount())
                .mapToObj(i -> new ChunkManifest.Chunk(i, manifest.readChunk(file, i)))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Test
    void cutsIntoFixedSizeChunksWithAShortLastOne() {
        assertThat(manifest.chunkCount()).isEqualTo(6);
        assertThat(manifest.totalLength()).isEqualTo(content.length);
        assertThat(manifest.readChunk(file, 0)).hasSize(SIZE);
        assertThat(manifest.readChunk(file, 5)).hasSize(123);
        assertThat(manifest.totalSm3()).isEqualTo(Sm3.hex(content));
    }

    @Test
    void reassemblesTheExactFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        manifest.reassemble(chunks(), out);

        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void theManifestTravelsAsBytes() {
        assertThat(ChunkManifest.decode(manifest.encode())).isEqualTo(manifest);
        assertThatThrownBy(() -> ChunkManifest.decode(new byte[] {0, 0, 0, 1, 'X'}))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(malformed chunk manifest)");
    }

    @Test
    void resumesWithTheMissingChunksAfterACut() {
        List<ChunkManifest.Chunk> all = chunks();
        TreeMap<Integer, byte[]> received = new TreeMap<>();
        for (ChunkManifest.Chunk chunk : all.subList(0, 3)) { // link cut after chunk 2
            manifest.verifyChunk(chunk.index(), chunk.data());
            received.put(chunk.index(), chunk.data());
        }

        List<Integer> missing = manifest.missing(received.keySet());
        for (int index : missing) {
            byte[] data = manifest.readChunk(file, index);
            manifest.verifyChunk(index, data);
            received.put(index, data);
        }
        // Sending a chunk again after a timeout is harmless: same index, same bytes.
        received.put(1, manifest.readChunk(file, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.reassemble(received.entrySet().stream().map(e -> new ChunkManifest.Chunk(e.getKey(), e.getValue()))
                .toList(), out);

        assertThat(missing).containsExactly(3, 4, 5);
        assertThat(manifest.missing(Set.of(0, 1, 2, 3, 4, 5))).isEmpty();
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void refusesAnAlteredChunk() {
        byte[] data = manifest.readChunk(file, 2);
        data[17] ^= 0x01;

        assertThatThrownBy(() -> manifest.verifyChunk(2, data))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunk 2 does not match its SM3 in the chunk manifest)");
        List<ChunkManifest.Chunk> chunks = chunks();
        chunks.set(2, new ChunkManifest.Chunk(2, data));
        assertThatThrownBy(() -> manifest.reassemble(chunks, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunk 2 does not match");
    }

    @Test
    void refusesAChunkOfTheWrongLengthOrIndex() {
        assertThatThrownBy(() -> manifest.verifyChunk(5, manifest.readChunk(file, 0)))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> manifest.verifyChunk(6, new byte[1]))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunk index 6 outside 0 to 5)");
        assertThatThrownBy(() -> manifest.verifyChunk(-1, new byte[1])).isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesAMissingChunk() {
        List<ChunkManifest.Chunk> chunks = chunks();
        chunks.remove(3);

        assertThatThrownBy(() -> manifest.reassemble(chunks, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunks out of order or missing: expected chunk 3, got 4)");
    }

    @Test
    void refusesMissingLastChunks() {
        List<ChunkManifest.Chunk> chunks = chunks().subList(0, 4);

        assertThatThrownBy(() -> manifest.reassemble(chunks, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunks 4 to 5 are missing)");
    }

    @Test
    void refusesADuplicatedChunk() {
        List<ChunkManifest.Chunk> chunks = chunks();
        chunks.add(2, chunks.get(1));

        assertThatThrownBy(() -> manifest.reassemble(chunks, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunk 1 is duplicated)");
    }

    @Test
    void refusesReorderedChunks() {
        List<ChunkManifest.Chunk> chunks = chunks();
        Collections.swap(chunks, 2, 3);

        assertThatThrownBy(() -> manifest.reassemble(chunks, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("(chunks out of order or missing: expected chunk 2, got 3)");
    }

    @Test
    void refusesChunksRelabelledToMatchTheOrder() {
        // Swapped contents under the right indexes: the per-chunk hashes catch it.
        List<ChunkManifest.Chunk> chunks = chunks();
        List<ChunkManifest.Chunk> relabelled = new ArrayList<>(chunks);
        relabelled.set(2, new ChunkManifest.Chunk(2, chunks.get(3).data()));
        relabelled.set(3, new ChunkManifest.Chunk(3, chunks.get(2).data()));

        assertThatThrownBy(() -> manifest.reassemble(relabelled, new ByteArrayOutputStream()))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void aResultPackageSurvivesChunkedTransferAndVerifies() throws IOException {
        var site = Sm2Keys.generateKeyPair();
        var header = ResultPackageHeader.create("PKG-1", "S-1", 7, 1, java.time.Instant.now());
        Path sent = dir.resolve("sent.kwres");
        try (var out = Files.newOutputStream(sent)) {
            ResultPackageWriter writer = ResultPackageWriter.start(out, header, site.getPrivate());
            for (int i = 0; i < 40; i++) {
                writer.addCandidate(new CandidateResult("T" + i, new TreeMap<>(java.util.Map.of("S1", "A")),
                        java.math.BigDecimal.ONE, List.of(new CandidateResult.Upload("P1", "a.bin", new byte[700])),
                        null, null));
            }
            writer.finish();
        }
        ChunkManifest sentManifest = ChunkManifest.decode(ChunkManifest.of(sent, header.resultPackageId(), SIZE).encode());
        Path received = dir.resolve("received.kwres");

        try (var out = Files.newOutputStream(received)) {
            sentManifest.reassemble(IntStream.range(0, sentManifest.chunkCount())
                    .mapToObj(i -> new ChunkManifest.Chunk(i, sentManifest.readChunk(sent, i))).toList(), out);
        }

        assertThat(sentManifest.chunkCount()).isGreaterThan(20);
        assertThat(ResultPackageVerifier.verify(received, "S-1", site.getPublic(),
                new ResultPackageTest.AcceptedPackages()).candidateCount()).isEqualTo(40);
    }
}
