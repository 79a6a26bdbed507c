package cn.kaowu.exampackage;

/** Receives the entries of a verified result package in file order ({@link ResultPackageVerifier#read}). */
public interface ResultPackageVisitor {

    default void candidate(CandidateResult result) {
    }

    default void roomRecord(RoomRecord record) {
    }
}
