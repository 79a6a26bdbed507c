package cn.kaowu.exampackage;

import java.util.List;
import java.util.Map;

/** A whole exam package in memory ({@link ExamPackageReader#readAll}); fine for tests and small packages. */
public record ExamPackageContents(ExamPackageManifest manifest, List<PackageCandidate> candidates,
        Map<String, PoolItem> items, Map<String, PaperSpec> papers) {

    public ExamPackageContents {
        candidates = List.copyOf(candidates);
        items = Map.copyOf(items);
        papers = Map.copyOf(papers);
    }
}
