package cn.kaowu.examsite.proctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import cn.kaowu.examsite.Refusal;
import org.junit.jupiter.api.Test;

class ExtensionRuleTest {

    final List<String> checked = new ArrayList<>();

    /** Accepts the code "OK" only, and remembers for which total it was asked. */
    final ExtensionRule.CodeCheck codes = (total, code) -> {
        checked.add(total + ":" + code);
        if (!code.equals("OK")) {
            throw new Refusal("延时审批码：不符");
        }
    };

    ExtensionRule.Decision decide(Integer minutes, int current, String chief, String patrol, String code) {
        return ExtensionRule.decide(new ExtensionRule.Request(minutes, "机器故障", chief, patrol, code), current, codes,
                "考生 X");
    }

    @Test
    void fifteenMinutesInTotalWithBothNamesNeedNoCode() {
        ExtensionRule.Decision decision = decide(10, 5, " 王主考 ", "李巡考", "");

        assertThat(decision.totalMinutes()).isEqualTo(15);
        assertThat(decision.chiefExaminer()).isEqualTo("王主考");
        assertThat(decision.patrol()).isEqualTo("李巡考");
        assertThat(decision.byTheOrg()).isFalse();
        assertThat(checked).isEmpty();
    }

    @Test
    void upToFifteenMinutesBothNamesAreRequired() {
        assertThatThrownBy(() -> decide(15, 0, "", "李巡考", null)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("主考姓名：");
        assertThatThrownBy(() -> decide(15, 0, "王主考", " ", null)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("巡考姓名：");
    }

    @Test
    void sixteenMinutesInTotalNeedTheOrgsCodeForThatTotal() {
        assertThatThrownBy(() -> decide(1, 15, "王主考", "李巡考", "")).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("延时审批码：").hasMessageContaining("累计延时 16 分钟").hasMessageContaining("考生 X");
        assertThatThrownBy(() -> decide(1, 15, "王主考", "李巡考", "WRONG")).isInstanceOf(Refusal.class)
                .hasMessageContaining("不符");

        ExtensionRule.Decision decision = decide(1, 15, null, null, "OK");

        assertThat(decision.byTheOrg()).isTrue();
        assertThat(decision.totalMinutes()).isEqualTo(16);
        assertThat(checked).containsExactly("16:WRONG", "16:OK");
    }

    @Test
    void minutesMustBePositiveAndTheReasonIsRequired() {
        assertThatThrownBy(() -> decide(0, 0, "王主考", "李巡考", null)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("延时分钟数：");
        assertThatThrownBy(() -> decide(null, 0, "王主考", "李巡考", null)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("延时分钟数：");
        assertThatThrownBy(() -> ExtensionRule.decide(new ExtensionRule.Request(5, " ", "王主考", "李巡考", null), 0, codes,
                "考生 X")).isInstanceOf(Refusal.class).hasMessageStartingWith("延时原因：");
    }
}
