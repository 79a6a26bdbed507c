package cn.kaowu.examsite.link;

import java.nio.file.Path;
import java.util.Optional;

import cn.kaowu.exampackage.ResultPackageHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The platform link of a site without network: nothing is fetched, results stay as files for download. */
@Component
class FilePlatformLink implements PlatformLink {

    private static final Logger log = LoggerFactory.getLogger(FilePlatformLink.class);

    @Override
    public Optional<byte[]> fetchReleaseKey(String packageId) {
        return Optional.empty();
    }

    @Override
    public Delivery deliverResult(Path resultPackage, ResultPackageHeader header) {
        log.info("Result package {} (sequence {}) of exam package {} kept for export: {}", header.resultPackageId(),
                header.sequence(), header.examPackageId(), resultPackage);
        return Delivery.EXPORTED_TO_FILE;
    }
}
