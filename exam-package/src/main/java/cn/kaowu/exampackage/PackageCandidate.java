package cn.kaowu.exampackage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A candidate on the site's list, as shown for identity confirmation.
 *
 * @param maskedIdNumber the ID number already masked by the platform; full numbers never leave it
 * @param photo the photo file (JPEG) as stored, possibly empty
 */
public record PackageCandidate(String ticketNumber, String name, String maskedIdNumber, byte[] photo) {

    public PackageCandidate {
        ExamPackageManifest.requireId(ticketNumber, "ticketNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
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
                && Arrays.equals(photo, that.photo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticketNumber, name, maskedIdNumber, Arrays.hashCode(photo));
    }

    @Override
    public String toString() {
        return "PackageCandidate[" + ticketNumber + ", " + name + ", " + maskedIdNumber + ", photo " + photo.length
                + " bytes]";
    }

    byte[] encode() {
        return new Binary.Out().string(ticketNumber).string(name).string(maskedIdNumber).bytes(photo).toByteArray();
    }

    static PackageCandidate decode(byte[] data) {
        Binary.In in = new Binary.In(data, "考生记录", "candidate record");
        PackageCandidate candidate = new PackageCandidate(in.string(), in.string(), in.string(), in.bytes());
        in.end();
        return candidate;
    }
}
