package cn.kaowu.examsite.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.kaowu.exampackage.RoomReport.PanelMember;
import cn.kaowu.examsite.Refusal;
import org.junit.jupiter.api.Test;

class AppealRulesTest {

    static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
    static final Instant END = Instant.parse("2026-12-05T02:30:00Z");

    @Test
    void anAppealIsTakenUpToTwoHoursAfterTheEffectiveEndInclusive() {
        assertThatCode(() -> AppealRules.checkWindow(START, END, START)).doesNotThrowAnyException();
        assertThatCode(() -> AppealRules.checkWindow(START, END, END.plus(Duration.parse("PT1H59M59S"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> AppealRules.checkWindow(START, END, END.plus(Duration.ofHours(2))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AppealRules.checkWindow(START, END, END.plus(Duration.parse("PT2H0M1S"))))
                .isInstanceOf(Refusal.class).hasMessageContaining("已超过考核结束后 2 小时");
        assertThatThrownBy(() -> AppealRules.checkWindow(START, END, START.minusSeconds(1)))
                .isInstanceOf(Refusal.class).hasMessageContaining("考核开始后");
    }

    @Test
    void anExtendedCandidatesWindowRunsFromTheirOwnEnd() {
        Instant extended = END.plus(Duration.ofMinutes(10));
        assertThatCode(() -> AppealRules.checkWindow(START, extended, END.plus(Duration.ofMinutes(130))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AppealRules.checkWindow(START, END, END.plus(Duration.ofMinutes(130))))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void theDecisionIsDueTwoHoursAfterTheAppealWasRecorded() {
        assertThat(AppealRules.dueAt(END)).isEqualTo(END.plus(Duration.ofHours(2)));
    }

    static PanelMember m(String name, String org) {
        return new PanelMember(name, org, "1380000000" + name.length());
    }

    @Test
    void thePanelHasOneThreeOrFiveMembers() {
        assertThat(AppealRules.panel("本校", List.of(m("甲", "A"), new PanelMember(" ", "", null)))).hasSize(1);
        assertThat(AppealRules.panel("本校", List.of(m("甲", "A"), m("乙", "B"), m("丙", "C")))).hasSize(3);
        assertThat(AppealRules.panel("本校", List.of(m("甲", "A"), m("乙", "B"), m("丙", "C"), m("丁", "D"),
                m("戊", "E")))).hasSize(5);
        assertThatThrownBy(() -> AppealRules.panel("本校", List.of(m("甲", "A"), m("乙", "B"))))
                .isInstanceOf(Refusal.class).hasMessageContaining("现为 2 人");
        assertThatThrownBy(() -> AppealRules.panel("本校", List.of())).isInstanceOf(Refusal.class)
                .hasMessageContaining("现为 0 人");
        assertThatThrownBy(() -> AppealRules.panel("本校", List.of(m("1", "A"), m("2", "B"), m("3", "C"),
                m("4", "D"), m("5", "E"), m("6", "F"), m("7", "G")))).isInstanceOf(Refusal.class)
                .hasMessageContaining("现为 7 人");
    }

    @Test
    void aMemberOfTheSitesOwnCollegeIsRefused() {
        assertThatThrownBy(() -> AppealRules.panel("某某职业技术学院",
                List.of(m("甲", "A"), m("乙", "某某 职业技术学院"), m("丙", "C"))))
                .isInstanceOf(Refusal.class).hasMessageContaining("乙").hasMessageContaining("本站点所属院校");
        assertThatThrownBy(() -> AppealRules.panel(" ", List.of(m("甲", "A")))).isInstanceOf(Refusal.class)
                .hasMessageContaining("本站点所属院校名称");
        assertThatThrownBy(() -> AppealRules.panel("X", List.of(new PanelMember("甲", "", "1"))))
                .isInstanceOf(Refusal.class).hasMessageContaining("第 1 人");
    }

    @Test
    void theDecisionIsTakenByMoreThanHalfOfThePanel() {
        List<PanelMember> panel = List.of(m("甲", "A"), m("乙", "B"), m("丙", "C"));
        assertThat(AppealRules.deciders(List.of("甲", "乙"), panel)).containsExactly("甲", "乙");
        assertThatThrownBy(() -> AppealRules.deciders(List.of("甲"), panel)).isInstanceOf(Refusal.class)
                .hasMessageContaining("至少 2 名");
        assertThatThrownBy(() -> AppealRules.deciders(List.of("甲", "外人"), panel)).isInstanceOf(Refusal.class)
                .hasMessageContaining("外人 不是仲裁组成员");
        assertThatThrownBy(() -> AppealRules.deciders(List.of("甲"), List.of())).isInstanceOf(Refusal.class);
    }

    @Test
    void theSignatureIsAJpegOrPngUpToFiveMegabytes() {
        assertThat(AppealRules.signatureType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
                .isEqualTo("image/jpeg");
        assertThat(AppealRules.signatureType(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0 }))
                .isEqualTo("image/png");
        assertThatThrownBy(() -> AppealRules.signatureType("%PDF-1.7".getBytes())).isInstanceOf(Refusal.class)
                .hasMessageContaining("JPEG 或 PNG");
        assertThatThrownBy(() -> AppealRules.signatureType(new byte[0])).isInstanceOf(Refusal.class)
                .hasMessageContaining("非书面申诉");
        byte[] big = new byte[AppealRules.MAX_SIGNATURE_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> AppealRules.signatureType(big)).isInstanceOf(Refusal.class)
                .hasMessageContaining("5 MB");
        byte[] max = java.util.Arrays.copyOf(big, AppealRules.MAX_SIGNATURE_BYTES);
        assertThat(AppealRules.signatureType(max)).isEqualTo("image/jpeg");
    }
}
