package cn.kaowu.exampackage;

/**
 * Receives the decrypted records of an exam package in file order, one at a time
 * ({@link ExamPackageReader#read}). Everything received is provisional until {@code read} returns.
 */
public interface ExamPackageVisitor {

    default void candidate(PackageCandidate candidate) {
    }

    default void item(PoolItem item) {
    }

    default void paper(PaperSpec paper) {
    }
}
