package cn.kaowu.exampackage;

import java.time.Instant;
import java.util.Objects;

/**
 * What an exam package is for: one site, plan and subject slot. Stored in the signed, unencrypted
 * header, so a site can check it right after download, before the release key exists.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; readers refuse other versions
 * @param subjectName the subject as the schedule names it, e.g. 理论 or 实操
 * @param subjectKind theory or practice (the early-leave window on the site depends on it)
 */
public record ExamPackageManifest(int formatVersion, String packageId, long planId, String siteCode,
        long planSubjectId, String subjectName, SubjectKind subjectKind, Instant slotStart, Instant slotEnd,
        Instant createdAt) {

    public static final int FORMAT_VERSION = 1;

    public ExamPackageManifest {
        if (formatVersion != FORMAT_VERSION) {
            throw new CryptoException("不支持的考试包格式版本 " + formatVersion + " (unsupported exam package format version "
                    + formatVersion + ")");
        }
        requireId(packageId, "packageId");
        requireId(siteCode, "siteCode");
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(subjectKind, "subjectKind");
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("slot must end after it starts: " + slotStart + " – " + slotEnd);
        }
    }

    public static ExamPackageManifest of(String packageId, long planId, String siteCode, long planSubjectId,
            String subjectName, SubjectKind subjectKind, Instant slotStart, Instant slotEnd, Instant createdAt) {
        return new ExamPackageManifest(FORMAT_VERSION, packageId, planId, siteCode, planSubjectId, subjectName,
                subjectKind, slotStart, slotEnd, createdAt);
    }

    static String requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException(name + " must be 1 to 64 characters: '" + value + "'");
        }
        return value;
    }

    void writeTo(Binary.Out out) {
        out.i32(formatVersion).string(packageId).i64(planId).string(siteCode).i64(planSubjectId)
                .string(subjectName).string(subjectKind.name()).instant(slotStart).instant(slotEnd).instant(createdAt);
    }

    static ExamPackageManifest readFrom(Binary.In in) {
        int version = in.i32();
        String packageId = in.string();
        long planId = in.i64();
        String siteCode = in.string();
        long planSubjectId = in.i64();
        String subjectName = in.string();
        String kind = in.string();
        Instant start = in.instant();
        Instant end = in.instant();
        Instant created = in.instant();
        try {
            return new ExamPackageManifest(version, packageId, planId, siteCode, planSubjectId, subjectName,
                    SubjectKind.valueOf(kind), start, end, created);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw in.malformed();
        }
    }
}
