package cn.kaowu.examsite.proctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.examsite.Refusal;
import org.junit.jupiter.api.Test;

class IncidentAndSealRuleTest {

    @Test
    void aViolationSignedByTheCandidateOrByTheInvigilatorsPresent() {
        IncidentRule.Entry signed = IncidentRule.check(new IncidentRule.Request("T1", "WARNING", "交头接耳", true, ""));
        assertThat(signed.candidateSigned()).isTrue();
        assertThat(signed.invigilators()).isEmpty();

        IncidentRule.Entry refused = IncidentRule.check(
                new IncidentRule.Request("T1", "DISQUALIFICATION", "夹带资料", false, "赵敏、钱进, 孙立"));
        assertThat(refused.kind()).isEqualTo(RoomReport.IncidentKind.DISQUALIFICATION);
        assertThat(refused.invigilators()).containsExactly("赵敏", "钱进", "孙立");

        assertThatThrownBy(() -> IncidentRule.check(new IncidentRule.Request("T1", "WARNING", "交头接耳", false, " ")))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("在场监考员签字：");
    }

    @Test
    void aNoteMayConcernNoCandidateButThenTheInvigilatorsSign() {
        IncidentRule.Entry note = IncidentRule.check(new IncidentRule.Request("", "NOTE", "9:40 停电 5 分钟", false, "赵敏"));
        assertThat(note.ticketNumber()).isNull();

        assertThatThrownBy(() -> IncidentRule.check(new IncidentRule.Request("", "NOTE", "停电", true, "")))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("签字：");
        assertThatThrownBy(() -> IncidentRule.check(new IncidentRule.Request("", "WARNING", "喧哗", false, "赵敏")))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("考生：");
    }

    @Test
    void kindAndDescriptionAreRequired() {
        assertThatThrownBy(() -> IncidentRule.check(new IncidentRule.Request("T1", "EXPEL", "x", true, "")))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("记录类型：");
        assertThatThrownBy(() -> IncidentRule.check(new IncidentRule.Request("T1", "WARNING", "  ", true, "")))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("情况说明：");
    }

    @Test
    void theSealNeedsAllFourChecksAndBothNames() {
        Instant now = Instant.parse("2026-06-13T02:40:00Z");
        RoomReport.Seal seal = SealRule.check(new SealRule.Request(true, true, true, true, "孙管理员", "周考务"), now);
        assertThat(seal.recordedAt()).isEqualTo(now);
        assertThat(seal.systemAdministrator()).isEqualTo("孙管理员");

        assertThatThrownBy(() -> SealRule.check(new SealRule.Request(true, true, false, true, "孙", "周"), now))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("封场确认第 3 项");
        assertThatThrownBy(() -> SealRule.check(new SealRule.Request(true, true, true, true, "", "周"), now))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("系统管理员签字：");
        assertThatThrownBy(() -> SealRule.check(new SealRule.Request(true, true, true, true, "孙", null), now))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("考务人员签字：");
    }
}
