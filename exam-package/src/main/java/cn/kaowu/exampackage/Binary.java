package cn.kaowu.exampackage;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one binary encoding of every field in the package formats: big-endian integers, strings as a
 * 4-byte length and UTF-8, byte arrays as a 4-byte length and the bytes, instants as epoch second and
 * nanosecond, an absent instant as second {@link Long#MIN_VALUE}.
 */
final class Binary {

    private Binary() {
    }

    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Out u8(int value) {
            bytes.write(value);
            return this;
        }

        Out i32(int value) {
            bytes.write(value >>> 24);
            bytes.write(value >>> 16);
            bytes.write(value >>> 8);
            bytes.write(value);
            return this;
        }

        Out i64(long value) {
            i32((int) (value >>> 32));
            return i32((int) value);
        }

        Out bytes(byte[] value) {
            i32(value.length);
            bytes.writeBytes(value);
            return this;
        }

        Out string(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        Out strings(List<String> values) {
            i32(values.size());
            values.forEach(this::string);
            return this;
        }

        Out instant(Instant value) {
            if (value == null) {
                i64(Long.MIN_VALUE);
                return i32(0);
            }
            i64(value.getEpochSecond());
            return i32(value.getNano());
        }

        Out decimal(BigDecimal value) {
            return string(value.toPlainString());
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    static final class In {
        private final ByteBuffer buffer;
        private final String zh;
        private final String en;

        /** @param zh and {@code en} name the structure in error messages, e.g. 考试包头 / exam package header */
        In(byte[] data, String zh, String en) {
            this.buffer = ByteBuffer.wrap(data);
            this.zh = zh;
            this.en = en;
        }

        int u8() {
            try {
                return buffer.get() & 0xff;
            } catch (BufferUnderflowException e) {
                throw malformed();
            }
        }

        int i32() {
            try {
                return buffer.getInt();
            } catch (BufferUnderflowException e) {
                throw malformed();
            }
        }

        long i64() {
            try {
                return buffer.getLong();
            } catch (BufferUnderflowException e) {
                throw malformed();
            }
        }

        byte[] bytes() {
            int length = i32();
            if (length < 0 || length > buffer.remaining()) {
                throw malformed();
            }
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        List<String> strings() {
            int count = count();
            List<String> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(string());
            }
            return List.copyOf(out);
        }

        /** A list length; each element takes at least 4 bytes, so a larger count is malformed. */
        int count() {
            int count = i32();
            if (count < 0 || count > buffer.remaining() / 4) {
                throw malformed();
            }
            return count;
        }

        Instant instant() {
            long seconds = i64();
            int nanos = i32();
            if (seconds == Long.MIN_VALUE) {
                return null;
            }
            try {
                return Instant.ofEpochSecond(seconds, nanos);
            } catch (RuntimeException e) {
                throw malformed();
            }
        }

        BigDecimal decimal() {
            try {
                return new BigDecimal(string());
            } catch (NumberFormatException e) {
                throw malformed();
            }
        }

        void end() {
            if (buffer.hasRemaining()) {
                throw malformed();
            }
        }

        CryptoException malformed() {
            return new CryptoException(zh + "格式错误 (malformed " + en + ")");
        }
    }
}
