package cn.kaowu.exampackage;

/**
 * What the platform remembers of accepted result packages, asked by {@link ResultPackageVerifier} to refuse
 * replays. The platform records a package's id and sequence in the same transaction that takes in its results.
 */
public interface ResultReplayGuard {

    /** Whether a result package with this id was accepted before. */
    boolean alreadyAccepted(String resultPackageId);

    /** The highest sequence accepted for this exam package, 0 when none. */
    long highestSequence(String examPackageId);
}
