package cn.kaowu.platform.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.kaowu.platform.TestWorld;

/** Unique certificate and subject codes that follow the rules, and request bodies built from them. */
final class CatalogMother {

	/** 14 digits after the leading 15; random start so that runs against a kept database do not collide. */
	private static final AtomicLong SEQ = new AtomicLong(
			ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 80_000_000_000_000L));

	private CatalogMother() {
	}

	static String levelCode() {
		return "15" + SEQ.incrementAndGet();
	}

	static String subjectCode(String levelCode, int number) {
		return CatalogRules.subjectCodePrefix(levelCode) + String.format("%03d", number);
	}

	static String certificateName() {
		return TestWorld.unique("测试证书");
	}

	static Map<String, Object> subject(String name, String code, String mode) {
		return Map.of("name", name, "code", code, "examMode", mode, "passMark", 60);
	}

	/** A level body with theory (机考) and practice (实操), both with pass mark 60. */
	static Map<String, Object> level(String kind, String code) {
		return Map.of("level", kind, "code", code, "subjects",
				List.of(subject("理论", subjectCode(code, 101), "COMPUTER"),
						subject("实操", subjectCode(code, 102), "PRACTICAL")));
	}

	static LevelForm levelForm(CertificateLevel kind, String code) {
		return LevelForm.of(kind, code, List.of(SubjectForm.of("理论", subjectCode(code, 101), ExamMode.COMPUTER, 60),
				SubjectForm.of("实操", subjectCode(code, 102), ExamMode.PRACTICAL, 60)));
	}
}
