package cn.kaowu.exampackage;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Writes a result package on the site after the slot, as a stream (format: {@link ResultPackageVerifier}).
 * The same file is uploaded in chunks ({@link ChunkManifest}) or exported for a later upload when the network
 * is down. Not thread-safe; the caller closes {@code out}.
 */
public final class ResultPackageWriter {

    static final byte[] MAGIC = "KWRESLT1".getBytes(StandardCharsets.US_ASCII);
    static final int CANDIDATE = 1;
    static final int ROOM = 2;
    static final int END = 9;
    static final int HASH_LENGTH = Sm3.DIGEST_LENGTH;

    private final SignedContainer.Writer container;
    private final Set<String> tickets = new HashSet<>();
    private int rooms;
    private byte[] chain;
    private boolean finished;

    private ResultPackageWriter(OutputStream out, ResultPackageHeader header, PrivateKey siteSigningKey) {
        byte[] headerBytes = header.encode();
        this.chain = chainStart(headerBytes);
        this.container = new SignedContainer.Writer(out, MAGIC, siteSigningKey, headerBytes);
    }

    /** @param siteSigningKey the site's SM2 private key, whose public key the platform registered */
    public static ResultPackageWriter start(OutputStream out, ResultPackageHeader header, PrivateKey siteSigningKey) {
        return new ResultPackageWriter(out, header, siteSigningKey);
    }

    public void addCandidate(CandidateResult result) {
        if (!tickets.add(result.ticketNumber())) {
            throw new IllegalArgumentException("candidate " + result.ticketNumber() + " added twice");
        }
        append(CANDIDATE, result.encode());
    }

    public void addRoomRecord(RoomRecord record) {
        rooms++;
        append(ROOM, record.encode());
    }

    /**
     * Writes the counts, the chain head and the signature.
     *
     * @return the chain head (SM3, hex): the site keeps it to show what it sent
     */
    public String finish() {
        if (finished) {
            throw new IllegalStateException("result package already finished");
        }
        container.record(END, new Binary.Out().i32(tickets.size()).i32(rooms).bytes(chain).toByteArray());
        container.finish();
        finished = true;
        return HexFormat.of().formatHex(chain);
    }

    private void append(int type, byte[] entry) {
        if (finished) {
            throw new IllegalStateException("result package already finished");
        }
        chain = link(chain, type, entry);
        byte[] record = new byte[entry.length + HASH_LENGTH];
        System.arraycopy(entry, 0, record, 0, entry.length);
        System.arraycopy(chain, 0, record, entry.length, HASH_LENGTH);
        container.record(type, record);
    }

    static byte[] chainStart(byte[] headerBytes) {
        return Sm3.digest(new Binary.Out().string("kaowu/result-chain/v1").bytes(headerBytes).toByteArray());
    }

    /** hash(n) = SM3(hash(n-1) || type || entry). */
    static byte[] link(byte[] previous, int type, byte[] entry) {
        byte[] input = new byte[previous.length + 1 + entry.length];
        System.arraycopy(previous, 0, input, 0, previous.length);
        input[previous.length] = (byte) type;
        System.arraycopy(entry, 0, input, previous.length + 1, entry.length);
        return Sm3.digest(input);
    }
}
