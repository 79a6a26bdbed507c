package cn.kaowu.examsite.pkg;

import java.time.Instant;

import cn.kaowu.exampackage.SubjectKind;

/** An imported package as the administrator sees it. */
public record PackageSummary(String packageId, long planId, String siteCode, long planSubjectId, String subjectName,
        SubjectKind subjectKind, Instant slotStart, Instant slotEnd, Instant importedAt, Instant openedAt,
        String openedWith, int candidates) {

    public boolean opened() {
        return openedAt != null;
    }
}
