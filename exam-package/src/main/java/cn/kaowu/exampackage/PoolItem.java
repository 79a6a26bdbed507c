package cn.kaowu.exampackage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One item of the pool: the question bank's serialised item, carried as opaque bytes.
 */
public record PoolItem(String itemId, byte[] payload) {

    public PoolItem {
        ExamPackageManifest.requireId(itemId, "itemId");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PoolItem that && itemId.equals(that.itemId) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemId, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "PoolItem[" + itemId + ", " + payload.length + " bytes]";
    }

    byte[] encode() {
        return new Binary.Out().string(itemId).bytes(payload).toByteArray();
    }

    static PoolItem decode(byte[] data) {
        Binary.In in = new Binary.In(data, "题目记录", "item record");
        PoolItem item = new PoolItem(in.string(), in.bytes());
        in.end();
        return item;
    }
}
