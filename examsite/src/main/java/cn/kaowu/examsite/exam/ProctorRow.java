package cn.kaowu.examsite.exam;

import java.time.Instant;

/**
 * A line of the sign-in list (签到表) on the proctor console.
 *
 * @param extensionMinutes the candidate's own and their room's extensions
 * @param effectiveEnd the slot's end plus {@code extensionMinutes}
 * @param earlyLeaveConsent whether the chief examiner's consent to submit early was recorded
 */
public record ProctorRow(String ticketNumber, String name, String maskedIdNumber, CandidateStatus status,
        Instant signedInAt, Instant submittedAt, int answered, String roomCode, int seatNumber, int extensionMinutes,
        Instant effectiveEnd, boolean earlyLeaveConsent) {
}
