package cn.kaowu.examsite.link;

import java.nio.file.Path;
import java.util.Optional;

import cn.kaowu.exampackage.ResultPackageHeader;

/**
 * Everything the site server needs from the platform, behind one seam ({@link HttpPlatformLink}). Without
 * enrolment the site works from files: packages uploaded by the administrator, release keys pasted or unlocked with
 * the emergency code, result packages exported. Result upload to the platform is still to come.
 */
public interface PlatformLink {

    /** Enrols the site with the platform: its address, the site code and the one-time code from the college. */
    void enrol(String platformUrl, String siteCode, String token);

    /** Downloads the packages the platform offers now that are not imported yet; their ids. */
    java.util.List<String> syncPackages();

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
