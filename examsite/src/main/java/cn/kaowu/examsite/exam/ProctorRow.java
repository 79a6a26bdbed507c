package cn.kaowu.examsite.exam;

import java.time.Instant;

/** A line of the sign-in list (签到表) on the proctor console. */
public record ProctorRow(String ticketNumber, String name, String maskedIdNumber, CandidateStatus status,
        Instant signedInAt, Instant submittedAt, int answered) {
}
