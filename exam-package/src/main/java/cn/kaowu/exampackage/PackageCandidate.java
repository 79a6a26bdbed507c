package cn.kaowu.exampackage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A candidate on the site's list, as shown for identity confirmation.
 *
 * @param maskedIdNumber the ID number already masked by the platform; full numbers never leave it
 * @param roomCode the room of the published schedule (its name, as on the door sign and the ticket)
 * @param seatNumber the seat in that room, from 1
 * @param photo the photo file (JPEG) as stored, possibly empty
 */
public record PackageCandidate(String ticketNumber, String name, String maskedIdNumber, String roomCode,
        int seatNumber, byte[] photo) {

    public PackageCandidate {
        ExamPackageManifest.requireId(ticketNumber, "ticketNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
        ExamPackageManifest.requireId(roomCode, "roomCode");
        if (seatNumber < 1) {
            throw new IllegalArgumentException("seatNumber must be at least 1: " + seatNumber);
        }
        photo = photo.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackageCandidate that && ticketNumber.equals(that.ticketNumber)
                && name.equals(that.name) && maskedIdNumber.equals(that.maskedIdNumber)
                && roomCode.equals(that.roomCode) && seatNumber == that.seatNumber && Arrays.equals(photo, that.photo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketNumber, name, maskedIdNumber, roomCode, seatNumber, Arrays.hashCode(photo));
    }

    @Override
    public String toString() {
        return "PackageCandidate[" + ticketNumber + ", " + name + ", " + maskedIdNumber + ", " + roomCode + " seat " + seatNumber + ", photo " + photo.length
                + " bytes]";
    }

    byte[] encode() {
        return new Binary.Out().string(ticketNumber).string(name).string(maskedIdNumber).string(roomCode).i32(seatNumber)
                .bytes(photo).toByteArray();
    }

    static PackageCandidate decode(byte[] data) {
        Binary.In in = new Binary.In(data, "考生记录", "candidate record");
        PackageCandidate candidate;
        try {
            candidate = new PackageCandidate(in.string(), in.string(), in.string(), in.string(), in.i32(), in.bytes());
        } catch (IllegalArgumentException e) {
            throw in.malformed();
        }
        in.end();
        return candidate;
    }
}
