package cn.kaowu.examsite.exam;

import java.io.Serializable;
import java.util.Objects;

/** A signed-in candidate, as kept in their session. */
public record CandidateRef(String packageId, String ticketNumber) implements Serializable {

    public CandidateRef {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(ticketNumber, "ticketNumber");
    }
}
