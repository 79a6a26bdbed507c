package cn.kaowu.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.Properties;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The code, mark and fee rules at their boundaries, without Spring. */
class CatalogRulesTest {

	static final String LEVEL = "1530003007010027";

	@Test
	void aSixteenDigitCodeStartingWith15IsALevelCode() {
		assertThat(CatalogRules.levelCode("code", LEVEL)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "153000300701002", // 15 digits
			"15300030070100271", // 17 digits
			"153000300701002A", // a letter
			"1530003007 10027", // a space
			"１530003007010027", // a full-width digit
			"15300030070100.7" })
	void otherLengthsAndNonDigitsAreNotLevelCodes(String code) {
		assertThat(key(CatalogRules.levelCode("code", code))).isEqualTo("catalog.level.code.pattern");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1630003007010027", "0530003007010027", "5130003007010027" })
	void aLevelCodeMustStartWith15(String code) {
		assertThat(key(CatalogRules.levelCode("code", code))).isEqualTo("catalog.level.code.prefix");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void aLevelCodeIsRequired(String code) {
		assertThat(key(CatalogRules.levelCode("code", code))).isEqualTo("catalog.level.code.required");
	}

	@ParameterizedTest
	@CsvSource({ "1530003007010027, 1630003007010027101", "1530003007010027, 1630003007010027102",
			"1530003007020028, 1630003007020028202", "1530003007020028, 1630003007020028203",
			"1530003007030029, 1630003007030029301", "1530003007030029, 1630003007030029302" })
	void theSixSubjectCodesOfTheSeedFollowTheRule(String level, String subject) {
		assertThat(CatalogRules.subjectCode("code", subject, level)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "163000300701002710", // 18 digits
			"16300030070100271011", // 20 digits
			"16300030070100271O1", // letter O
			"1630003007010027-01" })
	void otherLengthsAndNonDigitsAreNotSubjectCodes(String code) {
		assertThat(key(CatalogRules.subjectCode("code", code, LEVEL))).isEqualTo("catalog.subject.code.pattern");
	}

	@Test
	void aSubjectCodeMustFollowItsLevelCode() {
		// 19 digits starting with 16, but the code of the intermediate level.
		Optional<FieldProblem> problem = CatalogRules.subjectCode("subjects[1].code", "1630003007020028202", LEVEL);
		assertThat(key(problem)).isEqualTo("catalog.subject.code.prefix");
		assertThat(problem.orElseThrow().field()).isEqualTo("subjects[1].code");
		assertThat(problem.orElseThrow().args()).containsExactly("1630003007010027");
		// The level code kept its 15 instead of becoming 16.
		assertThat(key(CatalogRules.subjectCode("code", "1530003007010027101", LEVEL)))
			.isEqualTo("catalog.subject.code.prefix");
	}

	@Test
	void withoutAValidLevelCodeOnlyTheLeading16IsChecked() {
		assertThat(CatalogRules.subjectCode("code", "1699999999999999101", null)).isEmpty();
		assertThat(CatalogRules.subjectCode("code", "1699999999999999101", "15")).isEmpty();
		assertThat(key(CatalogRules.subjectCode("code", "1799999999999999101", null)))
			.isEqualTo("catalog.subject.code.prefix16");
	}

	@Test
	void theSubjectPrefixReplaces15With16() {
		assertThat(CatalogRules.subjectCodePrefix(LEVEL)).isEqualTo("1630003007010027").hasSize(16);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 60, 99, 100 })
	void passMarksFrom0To100AreAccepted(int mark) {
		assertThat(CatalogRules.passMark("passMark", mark)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE })
	void passMarksOutside0To100AreRefused(int mark) {
		assertThat(key(CatalogRules.passMark("passMark", mark))).isEqualTo("catalog.subject.passMark.range");
	}

	@Test
	void aPassMarkIsRequired() {
		assertThat(key(CatalogRules.passMark("passMark", null))).isEqualTo("catalog.subject.passMark.required");
	}

	@Test
	void theDefaultFeeIs380ForJuniorAnd360ForIntermediateAndSenior() {
		assertThat(CertificateLevel.JUNIOR.defaultFee()).isEqualByComparingTo("380");
		assertThat(CertificateLevel.INTERMEDIATE.defaultFee()).isEqualByComparingTo("360");
		assertThat(CertificateLevel.SENIOR.defaultFee()).isEqualByComparingTo("360");
		EffectiveFee fee = EffectiveFee.byDefault(7, CertificateLevel.SENIOR);
		assertThat(fee.usesDefault()).isTrue();
		assertThat(fee.amount()).isEqualByComparingTo(new BigDecimal("360"));
	}

	@Test
	void feesAreStoredInFenAndShownWithoutNeedlessDecimals() {
		assertThat(FeeStandards.yuan(38000)).hasToString("380");
		assertThat(FeeStandards.yuan(38050)).hasToString("380.50");
		assertThat(FeeStandards.toFen(new BigDecimal("380.5"))).isEqualTo(38050);
	}

	@Test
	void theOfficialNameAddsTheSuffixOnce() {
		assertThat(CatalogRules.displayName("网店运营推广", CertificateLevel.JUNIOR))
			.isEqualTo("网店运营推广职业技能等级证书（初级）");
		assertThat(CatalogRules.displayName("网店运营推广职业技能等级证书", CertificateLevel.SENIOR))
			.isEqualTo("网店运营推广职业技能等级证书（高级）");
	}

	@Test
	void labelsOfImportFilesMapToTheEnums() {
		assertThat(CertificateLevel.fromLabel(" 中级 ")).contains(CertificateLevel.INTERMEDIATE);
		assertThat(CertificateLevel.fromLabel("特级")).isEmpty();
		assertThat(ExamMode.fromLabel("机考+实操")).contains(ExamMode.COMPUTER_PRACTICAL);
		assertThat(ExamMode.COMPUTER_PRACTICAL.includesComputer()).isTrue();
		assertThat(ExamMode.COMPUTER_PRACTICAL.includesPractical()).isTrue();
		assertThat(ExamMode.WRITTEN.includesPractical()).isFalse();
	}

	@Test
	void theMessagesOfTheRulesReadWellInChinese() throws IOException {
		Properties zh = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/i18n/catalog.properties")) {
			zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		FieldProblem prefix = CatalogRules.subjectCode("code", "1630003007020028202", LEVEL).orElseThrow();
		assertThat(MessageFormat.format(zh.getProperty(prefix.messageKey()), prefix.args()))
			.isEqualTo("科目代码须以 1630003007010027 开头（“16”+ 证书代码去掉开头的“15”），后接 3 位序号");
		assertThat(zh.getProperty(key(CatalogRules.levelCode("code", "123")))).isEqualTo("证书代码须为 16 位数字");
		assertThat(zh.getProperty(key(CatalogRules.passMark("passMark", 101)))).isEqualTo("及格分须在 0～100 分之间");
	}

	private static String key(Optional<FieldProblem> problem) {
		return problem.map(FieldProblem::messageKey).orElse("(none)");
	}
}
