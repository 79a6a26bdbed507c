package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasePolicyTest {

    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(90));

    @ParameterizedTest(name = "{0}s from the start → {1}")
    @CsvSource({
            "-1860, false", // T-31:00
            "-1801, false", // T-30:01
            "-1800, true", // T-30:00
            "-1799, true", // T-29:59
            "0, true", // start
            "5400, true", // end
            "5401, false", // one second after the end
    })
    void releasesFromThirtyMinutesBeforeTheStartToTheEnd(long secondsFromStart, boolean expected) {
        assertThat(ReleasePolicy.mayRelease(START.plusSeconds(secondsFromStart), START, END)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ns before T-30:00 → false")
    @CsvSource({"1", "1000000"})
    void isExactToTheInstant(long nanos) {
        assertThat(ReleasePolicy.mayRelease(ReleasePolicy.releaseFrom(START).minusNanos(nanos), START, END)).isFalse();
    }
}
