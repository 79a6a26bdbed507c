package cn.kaowu.examsite.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import cn.kaowu.exampackage.SubjectKind;
import org.junit.jupiter.api.Test;

class EarlyLeaveRuleTest {

    static final Instant END = Instant.parse("2026-06-13T02:30:00Z");

    @Test
    void theoryFromFifteenMinutesBeforeTheEnd() {
        assertThat(EarlyLeaveRule.maySubmit(END.minus(Duration.ofMinutes(15)), END, SubjectKind.THEORY, false)).isTrue();
        assertThat(EarlyLeaveRule.maySubmit(END.minus(Duration.ofMinutes(15)).minusSeconds(1), END, SubjectKind.THEORY,
                false)).isFalse();
        assertThat(EarlyLeaveRule.allowedFrom(END, SubjectKind.THEORY)).isEqualTo(Instant.parse("2026-06-13T02:15:00Z"));
    }

    @Test
    void practiceFromThirtyMinutesBeforeTheEnd() {
        assertThat(EarlyLeaveRule.maySubmit(END.minus(Duration.ofMinutes(30)), END, SubjectKind.PRACTICE, false)).isTrue();
        assertThat(EarlyLeaveRule.maySubmit(END.minus(Duration.ofMinutes(30)).minusSeconds(1), END,
                SubjectKind.PRACTICE, false)).isFalse();
    }

    @Test
    void theEndItselfAndLaterAreAlwaysAllowedAndConsentOpensAtAnyTime() {
        assertThat(EarlyLeaveRule.maySubmit(END, END, SubjectKind.THEORY, false)).isTrue();
        assertThat(EarlyLeaveRule.maySubmit(END.plusSeconds(5), END, SubjectKind.PRACTICE, false)).isTrue();
        assertThat(EarlyLeaveRule.maySubmit(END.minus(Duration.ofMinutes(80)), END, SubjectKind.THEORY, true)).isTrue();
    }
}
