package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExtensionApprovalTest {

    static final byte[] RELEASE_KEY = ExamPackageWriter.generateReleaseKey();
    static final byte[] KEY = ExtensionApproval.siteKey(RELEASE_KEY, "PKG-1");

    @Test
    void isTwoGroupsOfFiveDigitsBoundToPackageTargetAndTotal() {
        String code = ExtensionApproval.code(KEY, "PKG-1", "room:101", 20);

        assertThat(code).matches("\\d{5}-\\d{5}");
        assertThat(ExtensionApproval.code(KEY, "PKG-1", "room:101", 20)).isEqualTo(code);
        assertThat(ExtensionApproval.code(KEY, "PKG-1", "room:101", 21)).isNotEqualTo(code);
        assertThat(ExtensionApproval.code(KEY, "PKG-1", "room:102", 20)).isNotEqualTo(code);
        assertThat(ExtensionApproval.code(KEY, "PKG-1", "ticket:101", 20)).isNotEqualTo(code);
        assertThat(ExtensionApproval.code(ExtensionApproval.siteKey(RELEASE_KEY, "PKG-2"), "PKG-2", "room:101", 20))
                .isNotEqualTo(code);
        assertThatCode(() -> ExtensionApproval.check(KEY, "PKG-1", "room:101", 20, code.replace("-", " ")))
                .doesNotThrowAnyException();
    }

    @Test
    void theSiteKeyIsDerivedAndIsNotTheReleaseKey() {
        assertThat(KEY).hasSize(HmacSm3.MAC_LENGTH).isNotEqualTo(RELEASE_KEY);
        assertThat(ExtensionApproval.siteKey(RELEASE_KEY, "PKG-1")).isEqualTo(KEY);
        assertThat(ExtensionApproval.siteKey(RELEASE_KEY, "PKG-2")).isNotEqualTo(KEY);
    }

    @Test
    void everySingleWrongDigitIsCaughtByTheCheckDigit() {
        String digits = ExtensionApproval.code(KEY, "PKG-1", "ticket:2026061300001", 16).replace("-", "");
        for (int position = 0; position < digits.length(); position++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == digits.charAt(position)) {
                    continue;
                }
                String typo = digits.substring(0, position) + d + digits.substring(position + 1);
                assertThatThrownBy(() -> ExtensionApproval.check(KEY, "PKG-1", "ticket:2026061300001", 16, typo))
                        .isInstanceOf(CryptoException.class).hasMessageContaining("校验位不符");
            }
        }
    }

    @Test
    void aCodeWithAValidCheckDigitForAnotherTotalIsRefused() {
        String other = ExtensionApproval.code(KEY, "PKG-1", "room:101", 25);

        assertThatThrownBy(() -> ExtensionApproval.check(KEY, "PKG-1", "room:101", 20, other))
                .isInstanceOf(CryptoException.class).hasMessageContaining("延时审批码不符")
                .hasMessageContaining("累计延时 20 分钟");
    }

    @Test
    void malformedCodesAndTargetsAreRefused() {
        assertThatThrownBy(() -> ExtensionApproval.check(KEY, "PKG-1", "room:101", 20, "12345-6789"))
                .isInstanceOf(CryptoException.class).hasMessageContaining("10 位数字");
        assertThatThrownBy(() -> ExtensionApproval.check(KEY, "PKG-1", "room:101", 20, null))
                .isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> ExtensionApproval.code(KEY, "PKG-1", "seat:1", 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtensionApproval.code(KEY, "PKG-1", "room:101", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ExtensionApproval.validTarget("room: ")).isFalse();
        assertThat(ExtensionApproval.validTarget(ExtensionApproval.roomTarget("2号楼102"))).isTrue();
        assertThat(ExtensionApproval.validTarget(ExtensionApproval.ticketTarget("2026061300001"))).isTrue();
    }
}
