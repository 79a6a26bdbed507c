package cn.kaowu.platform.enrollment;

import java.time.Instant;

import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.ExamMode;
import org.jspecify.annotations.Nullable;

/**
 * A registration record as lists, exports and the API show it (the columns of the seed's export), the ID number
 * masked.
 *
 * @param borrowed whether the candidate sits at another college's site (借考)
 * @param status derived at the time the view was read
 */
public record RecordView(long id, long planId, String planName, String organisationName, long certificateId,
		String certificateName, CertificateLevel level, long planSubjectId, String subjectName, ExamMode examMode,
		Instant startsAt, Instant endsAt, long candidateId, CandidateKind candidateKind, String name, String pinyin,
		String idNumberMasked, long collegeId, String collegeName, long siteId, String siteCode, String siteName,
		boolean borrowed, @Nullable String ticketNumber, @Nullable String roomName, @Nullable Integer seatNumber,
		RecordStatus status, Instant createdAt) {
}
