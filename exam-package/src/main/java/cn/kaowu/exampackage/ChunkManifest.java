package cn.kaowu.exampackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Cuts a file (a result package) into fixed-size chunks for a resumable upload and puts it back together.
 * The site sends this manifest first, then the chunks in any order and as often as needed; the platform checks
 * each chunk on arrival ({@link #verifyChunk}), keeps it by index, asks for {@link #missing} ones after a cut,
 * and finally {@link #reassemble}s them in order, which checks every chunk again and the whole file's SM3.
 * The manifest itself is not signed: the reassembled file carries the site's signature and is verified next.
 *
 * @param chunkHashes SM3 (hex) of each chunk in order; every chunk is {@code chunkSize} bytes except the last
 * @param totalSm3 SM3 (hex) of the whole file
 */
public record ChunkManifest(String resultPackageId, long totalLength, int chunkSize, String totalSm3,
        List<String> chunkHashes) {

    /** 1 MiB: under a second per chunk at 10 Mbit/s, so a cut link loses little. */
    public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
    public static final int MIN_CHUNK_SIZE = 1024;
    public static final int MAX_CHUNK_SIZE = 16 * 1024 * 1024;

    /** One chunk as received. */
    public record Chunk(int index, byte[] data) {
        public Chunk {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    public ChunkManifest {
        ExamPackageManifest.requireId(resultPackageId, "resultPackageId");
        if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE || totalLength < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " or total length " + totalLength);
        }
        Objects.requireNonNull(totalSm3, "totalSm3");
        chunkHashes = List.copyOf(chunkHashes);
        if (chunkHashes.size() != (totalLength + chunkSize - 1) / chunkSize) {
            throw new IllegalArgumentException(chunkHashes.size() + " chunk hashes for " + totalLength + " bytes in chunks of "
                    + chunkSize);
        }
    }

    /** Reads {@code file} once and lists its chunks. */
    public static ChunkManifest of(Path file, String resultPackageId, int chunkSize) {
        List<String> hashes = new ArrayList<>();
        SM3Digest whole = new SM3Digest();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                byte[] chunk = in.readNBytes(chunkSize);
                if (chunk.length == 0) {
                    break;
                }
                whole.update(chunk, 0, chunk.length);
                hashes.add(Sm3.hex(chunk));
                total += chunk.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChunkManifest(resultPackageId, total, chunkSize, hex(whole), hashes);
    }

    public int chunkCount() {
        return chunkHashes.size();
    }

    /** The bytes of chunk {@code index} of {@code file}, for sending. */
    public byte[] readChunk(Path file, int index) {
        requireIndex(index);
        ByteBuffer buffer = ByteBuffer.allocate(expectedLength(index));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = (long) index * chunkSize;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new CryptoException("文件比分块清单短 (file is shorter than its chunk manifest)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.array();
    }

    /**
     * Checks one received chunk against the manifest.
     *
     * @throws CryptoException for an index outside the manifest, a wrong length or a wrong hash
     */
    public void verifyChunk(int index, byte[] data) {
        Objects.requireNonNull(data, "data");
        requireIndex(index);
        if (data.length != expectedLength(index) || !Sm3.hex(data).equals(chunkHashes.get(index))) {
            throw new CryptoException("分块 " + index + " 校验失败：内容与分块清单不符 (chunk " + index
                    + " does not match its SM3 in the chunk manifest)");
        }
    }

    /** The chunk indexes not yet received, in order: what a resumed upload sends. */
    public List<Integer> missing(Set<Integer> received) {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < chunkCount(); i++) {
            if (!received.contains(i)) {
                missing.add(i);
            }
        }
        return missing;
    }

    /**
     * Writes the chunks to {@code out} in order, checking each and finally the whole file.
     *
     * @param chunks exactly chunks 0, 1, …, n-1, each once and in this order
     * @throws CryptoException for a missing, duplicated, reordered or altered chunk, or a whole that does not
     *         match; whatever was written to {@code out} is then to be discarded
     */
    public void reassemble(Iterable<Chunk> chunks, OutputStream out) {
        SM3Digest whole = new SM3Digest();
        boolean[] seen = new boolean[chunkCount()];
        int expected = 0;
        try {
            for (Chunk chunk : chunks) {
                int index = chunk.index();
                if (index >= 0 && index < seen.length && seen[index]) {
                    throw new CryptoException("分块 " + index + " 重复 (chunk " + index + " is duplicated)");
                }
                if (index != expected) {
                    throw new CryptoException("分块顺序错误：应为分块 " + expected + "，收到分块 " + index
                            + " (chunks out of order or missing: expected chunk " + expected + ", got " + index + ")");
                }
                byte[] data = chunk.data();
                verifyChunk(index, data);
                seen[index] = true;
                whole.update(data, 0, data.length);
                out.write(data);
                expected++;
            }
            if (expected != chunkCount()) {
                throw new CryptoException("缺少分块 " + expected + "–" + (chunkCount() - 1) + " (chunks " + expected + " to "
                        + (chunkCount() - 1) + " are missing)");
            }
            if (!hex(whole).equals(totalSm3)) {
                throw new CryptoException("重组后的文件与分块清单的 SM3 不符 (reassembled file does not match the manifest's SM3)");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] encode() {
        return new Binary.Out().string("KWCHUNK1").string(resultPackageId).i64(totalLength).i32(chunkSize)
                .string(totalSm3).strings(chunkHashes).toByteArray();
    }

    public static ChunkManifest decode(byte[] data) {
        Binary.In in = new Binary.In(data, "分块清单", "chunk manifest");
        if (!"KWCHUNK1".equals(in.string())) {
            throw in.malformed();
        }
        try {
            ChunkManifest manifest = new ChunkManifest(in.string(), in.i64(), in.i32(), in.string(), in.strings());
            in.end();
            return manifest;
        } catch (IllegalArgumentException e) {
            throw in.malformed();
        }
    }

    private void requireIndex(int index) {
        if (index < 0 || index >= chunkCount()) {
            throw new CryptoException("分块序号 " + index + " 超出范围 0–" + (chunkCount() - 1) + " (chunk index " + index
                    + " outside 0 to " + (chunkCount() - 1) + ")");
        }
    }

    private int expectedLength(int index) {
        return index < chunkCount() - 1 ? chunkSize : (int) (totalLength - (long) index * chunkSize);
    }

    private static String hex(SM3Digest digest) {
        byte[] out = new byte[Sm3.DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
