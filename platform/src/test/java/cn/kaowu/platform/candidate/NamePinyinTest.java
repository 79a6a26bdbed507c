package cn.kaowu.platform.candidate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamePinyinTest {

	@ParameterizedTest
	@CsvSource({ "张三丰, Zhang Sanfeng", "单雄信, Shan Xiongxin", "曾国藩, Zeng Guofan", "解缙, Xie Jin",
			"仇英, Qiu Ying", "区家明, Ou Jiaming", "查良镛, Zha Liangyong", "朴志勇, Piao Zhiyong",
			"尉迟恭, Yuchi Gong", "长孙无忌, Zhangsun Wuji", "万俟卨, Moqi Xie", "欧阳修, Ouyang Xiu",
			"李四, Li Si" })
	void suggestsAndAcceptsTheSurnameReading(String name, String pinyin) {
		assertThat(NamePinyin.suggest(name)).contains(pinyin);
		assertThat(NamePinyin.matches(name, pinyin)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "单雄信, Dan Xiongxin", "曾国藩, Ceng Guofan", "解缙, Jie Jin", "仇英, Chou Ying", "张三丰, Zhang Sanfen",
			"张三丰, Zhangsan Feng", "朴志勇, Pu Zhiyong", "长孙无忌, Chang Sunwuji" })
	void flagsWrongSpellings(String name, String pinyin) {
		assertThat(NamePinyin.matches(name, pinyin)).isFalse();
	}

	@Test
	void ethnicNamesWithADotAreTwoWords() {
		assertThat(NamePinyin.matches("库尔班·热合曼", "Kuerban Rehemani")).isTrue();
		assertThat(NamePinyin.matches("库尔班·热合曼", "Kuerban Reheman")).isTrue();
		assertThat(NamePinyin.suggest("库尔班·热合曼")).contains("Kuerban Reheman");
		assertThat(NamePinyin.matches("库尔班·热合曼", "Kurban Rahman")).isFalse();
	}

	@Test
	void aPolyphonicGivenNameIsAcceptedInAnyReading() {
		assertThat(NamePinyin.matches("王长江", "Wang Changjiang")).isTrue();
		assertThat(NamePinyin.matches("王长江", "Wang Zhangjiang")).isTrue();
	}

	@Test
	void uUmlautIsWrittenYuVOrU() {
		assertThat(NamePinyin.suggest("吕布")).contains("Lyu Bu");
		assertThat(NamePinyin.matches("吕布", "Lv Bu")).isTrue();
		assertThat(NamePinyin.matches("吕布", "Lu Bu")).isTrue();
	}

	@Test
	void aWrongSpellingGetsTheSuggestionInItsReason() {
		var checked = CandidateRules.check(new CandidateRules.Input("张三丰", "Zhang Sanfen", "男", "身份证",
				"11010519491231002X", "13812345678", "2024", "高职", "电子商务", "530701"), 2026);
		assertThat(checked.values()).isNull();
		assertThat(checked.problems()).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("pinyin");
			assertThat(p.messageKey()).isEqualTo("candidate.pinyin.mismatch");
			assertThat(p.args()).containsExactly("Zhang Sanfeng");
		});
	}

	@Test
	void theFormatIsTwoCapitalisedWords() {
		assertThat(NamePinyin.FORMAT.matcher("Zhang Sanfeng").matches()).isTrue();
		assertThat(NamePinyin.FORMAT.matcher("zhang sanfeng").matches()).isFalse();
		assertThat(NamePinyin.FORMAT.matcher("Zhang  Sanfeng").matches()).isFalse();
		assertThat(NamePinyin.FORMAT.matcher("Zhang San Feng").matches()).isFalse();
		assertThat(NamePinyin.FORMAT.matcher("ZHANG Sanfeng").matches()).isFalse();
	}
}
