package cn.kaowu.exampackage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a result package is: which exam package it answers and which upload of it this is.
 *
 * @param resultPackageId a fresh random id per built package; the platform accepts each id once
 * @param sequence 1 for the first result package of an exam package, one more for each rebuild; the platform
 *        refuses a sequence not above the highest it accepted, so an old upload cannot be replayed
 */
public record ResultPackageHeader(int formatVersion, String resultPackageId, String examPackageId, String siteCode,
        long planSubjectId, long sequence, Instant createdAt) {

    public static final int FORMAT_VERSION = 1;

    public ResultPackageHeader {
        if (formatVersion != FORMAT_VERSION) {
            throw new CryptoException("不支持的成绩包格式版本 " + formatVersion + " (unsupported result package format version "
                    + formatVersion + ")");
        }
        ExamPackageManifest.requireId(resultPackageId, "resultPackageId");
        ExamPackageManifest.requireId(examPackageId, "examPackageId");
        ExamPackageManifest.requireId(siteCode, "siteCode");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A header with a fresh random result package id. */
    public static ResultPackageHeader create(String examPackageId, String siteCode, long planSubjectId, long sequence,
            Instant createdAt) {
        return new ResultPackageHeader(FORMAT_VERSION, UUID.randomUUID().toString(), examPackageId, siteCode,
                planSubjectId, sequence, createdAt);
    }

    byte[] encode() {
        return new Binary.Out().i32(formatVersion).string(resultPackageId).string(examPackageId).string(siteCode)
                .i64(planSubjectId).i64(sequence).instant(createdAt).toByteArray();
    }

    static ResultPackageHeader decode(byte[] data) {
        Binary.In in = new Binary.In(data, "成绩包头", "result package header");
        int version = in.i32();
        String id = in.string();
        String examPackageId = in.string();
        String siteCode = in.string();
        long planSubjectId = in.i64();
        long sequence = in.i64();
        Instant created = in.instant();
        in.end();
        try {
            return new ResultPackageHeader(version, id, examPackageId, siteCode, planSubjectId, sequence, created);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw in.malformed();
        }
    }
}
