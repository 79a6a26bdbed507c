package cn.kaowu.platform.candidate;

import cn.kaowu.platform.kernel.DomainException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateRulesTest {

	static CandidateRules.Checked check(String idType, String idNumber, String phone, String year, String gender) {
		return CandidateRules.check(new CandidateRules.Input("张三", "Zhang San", gender, idType, idNumber, phone, year,
				"高职", "电子商务", "530701"), 2026);
	}

	@Test
	void aValidRowPassesAndALowerCaseXIsNormalised() {
		var c = check("身份证", "11010519491231002x", "13812345678", "2024", "男");
		assertThat(c.problems()).isEmpty();
		assertThat(c.values().idNumber()).isEqualTo("11010519491231002X");
		assertThat(c.values().gender()).isEqualTo(CandidateGender.MALE);
	}

	@ParameterizedTest
	@CsvSource({ "身份证, 110105194912310021, candidate.idNumber.checkDigit",
			"身份证, 1101051949123100, candidate.idNumber.length",
			"港澳台居民居住证, 810000199001011234, candidate.idNumber.checkDigit",
			"港澳台居民居住证, 110105194912310021, candidate.idNumber.residencePermit",
			"港澳台身份证, 12345, candidate.idNumber.hmt", "护照, ABCDEFG, candidate.idNumber.passport" })
	void idNumbersAreCheckedByType(String type, String number, String key) {
		assertThat(check(type, number, "13812345678", "2024", "男").problems()).extracting(FieldProblem::messageKey)
			.containsExactly(key);
	}

	@ParameterizedTest
	@CsvSource({ "港澳台居民居住证, 810000199001011231", "港澳台身份证, A123456(7)", "港澳台身份证, 1234567(8)",
			"港澳台身份证, A123456789", "护照, E12345678" })
	void otherDocumentsInTheirFormats(String type, String number) {
		String n = type.equals("港澳台居民居住证") ? cn.kaowu.platform.kernel.ChineseIdNumber.complete(number.substring(0, 17))
				: number;
		assertThat(check(type, n, "13812345678", "2024", "女").problems()).isEmpty();
	}

	@Test
	void eachFieldNamesItsProblem() {
		var c = check("驾驶证", "x", "2381234567", "24", "M");
		assertThat(c.problems()).extracting(FieldProblem::field)
			.containsExactly("gender", "idType", "phone", "enrolmentYear");
		assertThat(check("身份证", "11010519491231002X", "13812345678", "2028", "男").problems())
			.extracting(FieldProblem::messageKey)
			.containsExactly("candidate.year.range");
	}
}
