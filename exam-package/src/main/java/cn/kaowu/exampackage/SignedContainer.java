package cn.kaowu.exampackage;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The container both package formats share, written and read as a stream:
 *
 * <pre>
 * magic      8 bytes, names the format and its version ("KWEXPKG1", "KWRESLT1")
 * header     i32 length, bytes
 * record*    u8 type (1..255), i32 length, bytes
 * end        u8 0
 * signature  SM3withSM2 (DER) over every byte above
 * trailer    u16 signature length, "KWSG"
 * </pre>
 *
 * The signature sits at the end so a writer never holds the body; a reader finds it from the trailer and
 * verifies the whole body in one pass before it hands out a single record.
 */
final class SignedContainer {

    static final int MAX_RECORD_LENGTH = 256 * 1024 * 1024;
    static final int MAX_HEADER_LENGTH = 1024 * 1024;
    private static final byte[] TRAILER_MAGIC = "KWSG".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER_LENGTH = 2 + TRAILER_MAGIC.length;
    private static final int MAX_SIGNATURE_LENGTH = 80;
    private static final int BUFFER = 64 * 1024;

    private SignedContainer() {
    }

    static final class Writer {
        private final OutputStream out;
        private final Signature signature;
        private boolean headerWritten;
        private boolean finished;

        Writer(OutputStream out, byte[] magic, PrivateKey signingKey, byte[] header) {
            this.out = Objects.requireNonNull(out, "out");
            this.signature = Sm2Signer.signing(signingKey);
            if (header.length > MAX_HEADER_LENGTH) {
                throw new IllegalArgumentException("header too long: " + header.length);
            }
            write(magic);
            write(int32(header.length));
            write(header);
            headerWritten = true;
        }

        void record(int type, byte[] data) {
            if (finished || !headerWritten) {
                throw new IllegalStateException("container already finished");
            }
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("record type " + type);
            }
            if (data.length > MAX_RECORD_LENGTH) {
                throw new IllegalArgumentException("记录过大：" + data.length + " 字节 (record too large: "
                        + data.length + " bytes, at most " + MAX_RECORD_LENGTH + ")");
            }
            write(new byte[] {(byte) type});
            write(int32(data.length));
            write(data);
        }

        void finish() {
            if (finished) {
                throw new IllegalStateException("container already finished");
            }
            write(new byte[] {0});
            byte[] sig;
            try {
                sig = signature.sign();
            } catch (SignatureException e) {
                throw new CryptoException("SM2 签名失败 (SM2 signing failed)", e);
            }
            try {
                out.write(sig);
                out.write(new byte[] {(byte) (sig.length >>> 8), (byte) sig.length});
                out.write(TRAILER_MAGIC);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = true;
        }

        private void write(byte[] bytes) {
            try {
                signature.update(bytes);
                out.write(bytes);
            } catch (SignatureException e) {
                throw new CryptoException("SM2 签名失败 (SM2 signing failed)", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FunctionalInterface
    interface RecordVisitor {
        void record(int type, byte[] data);
    }

    /** A container whose signature has been checked once; {@link #read} checks it again while streaming. */
    static final class Verified {
        private final Path file;
        private final byte[] magic;
        private final PublicKey key;
        private final long bodyLength;
        private final byte[] signature;
        private final byte[] header;
        private final String zh;
        private final String en;

        private Verified(Path file, byte[] magic, PublicKey key, long bodyLength, byte[] signature, byte[] header,
                String zh, String en) {
            this.file = file;
            this.magic = magic;
            this.key = key;
            this.bodyLength = bodyLength;
            this.signature = signature;
            this.header = header;
            this.zh = zh;
            this.en = en;
        }

        byte[] header() {
            return header.clone();
        }

        /**
         * Streams the records in file order. The signature is verified again over the bytes actually read,
         * and a mismatch (the file changed since {@link #verify}) throws after the last record: callers
         * keep what they receive provisional until this method returns.
         */
        void read(RecordVisitor visitor) {
            Signature verifier = Sm2Signer.verifying(key);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (channel.size() != bodyLength + signature.length + TRAILER_LENGTH) {
                    throw changed();
                }
                DataInputStream in = new DataInputStream(new VerifyingInputStream(
                        new BufferedInputStream(Channels.newInputStream(channel), BUFFER), verifier, bodyLength));
                byte[] readMagic = in.readNBytes(magic.length);
                int headerLength = in.readInt();
                if (!Arrays.equals(readMagic, magic) || headerLength != header.length
                        || !Arrays.equals(in.readNBytes(headerLength), header)) {
                    throw changed();
                }
                while (true) {
                    int type = in.readUnsignedByte();
                    if (type == 0) {
                        break;
                    }
                    int length = in.readInt();
                    if (length < 0 || length > MAX_RECORD_LENGTH) {
                        throw malformed(zh, en);
                    }
                    byte[] data = in.readNBytes(length);
                    if (data.length != length) {
                        throw malformed(zh, en);
                    }
                    visitor.record(type, data);
                }
                if (in.read() != -1 || !verifier.verify(signature)) {
                    throw changed();
                }
            } catch (EOFException e) {
                throw malformed(zh, en);
            } catch (SignatureException e) {
                throw changed();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CryptoException changed() {
            return new CryptoException(zh + "在验签后被修改 (" + en + " changed after its signature was verified)");
        }
    }

    /**
     * Checks trailer, signature and structure of the whole file before anything in it is believed.
     *
     * @param zh and {@code en} name the format in error messages
     */
    static Verified verify(Path file, byte[] magic, PublicKey key, String zh, String en) {
        Objects.requireNonNull(file, "file");
        Signature verifier = Sm2Signer.verifying(key);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < magic.length + 4 + 1 + TRAILER_LENGTH) {
                throw malformed(zh, en);
            }
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_LENGTH);
            channel.read(trailer, size - TRAILER_LENGTH);
            int signatureLength = ((trailer.get(0) & 0xff) << 8) | (trailer.get(1) & 0xff);
            if (!Arrays.equals(Arrays.copyOfRange(trailer.array(), 2, TRAILER_LENGTH), TRAILER_MAGIC)
                    || signatureLength < 8 || signatureLength > MAX_SIGNATURE_LENGTH
                    || size < TRAILER_LENGTH + signatureLength + magic.length + 5L) {
                throw badSignature(zh, en);
            }
            long bodyLength = size - TRAILER_LENGTH - signatureLength;
            ByteBuffer signature = ByteBuffer.allocate(signatureLength);
            channel.read(signature, bodyLength);

            channel.position(0);
            InputStream body = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
            byte[] buffer = new byte[BUFFER];
            long left = bodyLength;
            while (left > 0) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw malformed(zh, en);
                }
                verifier.update(buffer, 0, n);
                left -= n;
            }
            boolean valid;
            try {
                valid = verifier.verify(signature.array());
            } catch (SignatureException e) {
                valid = false;
            }
            if (!valid) {
                throw badSignature(zh, en);
            }

            // Signed by the right key, so the structure is trusted from here; check it anyway.
            ByteBuffer head = ByteBuffer.allocate(magic.length + 4);
            channel.read(head, 0);
            if (!Arrays.equals(Arrays.copyOf(head.array(), magic.length), magic)) {
                throw new CryptoException(zh + "格式或版本不符 (not a " + en + " of this format version)");
            }
            int headerLength = head.getInt(magic.length);
            if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH || magic.length + 4L + headerLength >= bodyLength) {
                throw malformed(zh, en);
            }
            ByteBuffer header = ByteBuffer.allocate(headerLength);
            channel.read(header, magic.length + 4L);
            return new Verified(file, magic.clone(), key, bodyLength, signature.array(), header.array(), zh, en);
        } catch (SignatureException e) {
            throw badSignature(zh, en);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CryptoException badSignature(String zh, String en) {
        return new CryptoException(zh + "签名无效：文件被篡改或签名密钥不符 (" + en
                + " signature invalid: file tampered with or signed by another key)");
    }

    static CryptoException malformed(String zh, String en) {
        return new CryptoException(zh + "格式错误 (malformed " + en + ")");
    }

    private static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Feeds exactly {@code limit} bytes to the verifier and then reports end of stream. */
    private static final class VerifyingInputStream extends InputStream {
        private final InputStream in;
        private final Signature verifier;
        private long left;

        VerifyingInputStream(InputStream in, Signature verifier, long limit) {
            this.in = in;
            this.verifier = verifier;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                try {
                    verifier.update(b, off, n);
                } catch (SignatureException e) {
                    throw new IOException(e);
                }
                left -= n;
            }
            return n;
        }
    }
}
