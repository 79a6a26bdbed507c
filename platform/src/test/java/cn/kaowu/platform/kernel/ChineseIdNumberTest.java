package cn.kaowu.platform.kernel;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseIdNumberTest {

	/** The worked example of GB 11643-1999 (Appendix A): 11010519491231002X. */
	static final String STANDARD_EXAMPLE = "11010519491231002X";

	@Test
	void theStandardsExampleIsValidAndItsCheckDigitIsComputed() {
		assertThat(ChineseIdNumber.isValid(STANDARD_EXAMPLE)).isTrue();
		assertThat(ChineseIdNumber.checkDigit("11010519491231002")).isEqualTo('X');
		assertThat(ChineseIdNumber.checkDigit("44052418800101001")).isEqualTo('4');
		assertThat(ChineseIdNumber.isValid("440524188001010014")).isTrue();
	}

	@Test
	void aWrongCheckDigitIsRefused() {
		assertThat(key("110105194912310021")).isEqualTo("idNumber.checkDigit");
		assertThat(key("440524188001010015")).isEqualTo("idNumber.checkDigit");
	}

	@Test
	void aLowerCaseXIsAcceptedAndNormalised() {
		assertThat(ChineseIdNumber.isValid("11010519491231002x")).isTrue();
		assertThat(ChineseIdNumber.normalise(" 11010519491231002x ")).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void theLengthMustBe18() {
		assertThat(key("11010519491231002")).isEqualTo("idNumber.length");
		assertThat(key("11010519491231002X1")).isEqualTo("idNumber.length");
		assertThat(ChineseIdNumber.problem("f", "1101051949123100").orElseThrow().args()).containsExactly(16);
		assertThat(key("")).isEqualTo("idNumber.required");
		assertThat(key(null)).isEqualTo("idNumber.required");
	}

	@Test
	void lettersAndImpossibleBirthDatesAreRefused() {
		assertThat(key("1101051949123100XX")).isEqualTo("idNumber.pattern");
		assertThat(key("11010519491231002Y")).isEqualTo("idNumber.pattern");
		// 1949-02-30 does not exist (check digit made to match, so only the date is at fault).
		assertThat(key(ChineseIdNumber.complete("11010519490230002"))).isEqualTo("idNumber.birthDate");
	}

	@Test
	void masksKeepTheFirstSixAndLastFour() {
		assertThat(ChineseIdNumber.mask("370682199001010635")).isEqualTo("370682********0635");
		assertThat(ChineseIdNumber.mask("11010519491231002x")).isEqualTo("110105********002X");
		assertThat(ChineseIdNumber.maskPhone("13812345678")).isEqualTo("138****5678");
	}

	private static String key(String number) {
		return ChineseIdNumber.problem("idNumber", number).map(FieldProblem::messageKey).orElse("valid");
	}

	@Test
	void numbersInsideFreeTextAreMaskedAndLongerDigitRunsAreLeftAlone() {
		assertThat(ChineseIdNumber.maskWithin("文件“11010119900307001X.jpg”是空的；联系 13812345678。"))
			.isEqualTo("文件“110101********001X.jpg”是空的；联系 138****5678。");
		assertThat(ChineseIdNumber.maskWithin("票号 2609000030010001 与 1234567890123456789"))
			.as("16 and 19 digits are neither an ID nor a phone number")
			.isEqualTo("票号 2609000030010001 与 1234567890123456789");
		assertThat(ChineseIdNumber.maskWithin(null)).isEmpty();
	}
}
