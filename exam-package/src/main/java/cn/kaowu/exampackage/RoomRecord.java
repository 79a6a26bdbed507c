package cn.kaowu.exampackage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A room's records (考场情况记录: incidents, violations, extensions, seal confirmation) as the site serialises
 * them; carried as opaque bytes.
 */
public record RoomRecord(String roomCode, byte[] payload) {

    public RoomRecord {
        ExamPackageManifest.requireId(roomCode, "roomCode");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomRecord that && roomCode.equals(that.roomCode) && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roomCode, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "RoomRecord[" + roomCode + ", " + payload.length + " bytes]";
    }

    byte[] encode() {
        return new Binary.Out().string(roomCode).bytes(payload).toByteArray();
    }

    static RoomRecord decode(byte[] data) {
        Binary.In in = new Binary.In(data, "考场记录", "room record");
        RoomRecord record = new RoomRecord(in.string(), in.bytes());
        in.end();
        return record;
    }
}
