package cn.kaowu.exampackage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the platform may hand a package's release key to its site (DOMAIN §10: the site decrypts the papers
 * 30 minutes before the start).
 */
public final class ReleasePolicy {

    /** The key is released from exactly this long before the slot's start. */
    public static final Duration LEAD = Duration.ofMinutes(30);

    private ReleasePolicy() {
    }

    /**
     * {@code true} from exactly T-30:00 to the end of the slot, both inclusive; {@code false} at T-30:01 and
     * after the end (a key fetched later than the end would only serve a leak).
     */
    public static boolean mayRelease(Instant now, Instant slotStart, Instant slotEnd) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        return !now.isBefore(releaseFrom(slotStart)) && !now.isAfter(slotEnd);
    }

    /** The first instant the key may be released. */
    public static Instant releaseFrom(Instant slotStart) {
        return slotStart.minus(LEAD);
    }
}
