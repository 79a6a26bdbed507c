package cn.kaowu.examsite.pkg;

import java.time.Instant;

/** An imported package as the administrator sees it. */
public record PackageSummary(String packageId, long planId, String siteCode, long planSubjectId, Instant slotStart,
        Instant slotEnd, Instant importedAt, Instant openedAt, String openedWith, int candidates) {

    public boolean opened() {
        return openedAt != null;
    }
}
