package cn.kaowu.examsite.link;

import java.nio.file.Path;
import java.util.Optional;

import cn.kaowu.exampackage.ResultPackageHeader;

/**
 * Everything the site server needs from the platform, behind one seam. This slice ships only
 * {@link FilePlatformLink} (no network: packages are uploaded by the administrator, release keys pasted or
 * unlocked with the emergency code, result packages exported as files); an HTTP implementation (enrolment,
 * resumable package download, release key at T-30, chunked result upload) replaces it without touching the
 * rest of the site.
 */
public interface PlatformLink {

    /**
     * The release key of a package, when the platform can be asked for it now.
     *
     * @return empty when there is no link (the administrator enters the key or the emergency code)
     */
    Optional<byte[]> fetchReleaseKey(String packageId);

    /**
     * Hands a finished, signed result package to the platform.
     *
     * @return how it went, for the administrator's page
     */
    Delivery deliverResult(Path resultPackage, ResultPackageHeader header);

    /** What became of a result package. */
    enum Delivery {
        /** Kept as a file for the administrator to download and carry to the platform. */
        EXPORTED_TO_FILE,
        /** Uploaded and acknowledged by the platform. */
        UPLOADED
    }
}
