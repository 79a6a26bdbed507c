package cn.kaowu.platform.staff;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique ID numbers and staff request bodies. */
final class StaffMother {

	private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 500_000));

	private StaffMother() {
	}

	/** A valid 18-character ID number, unique within the test run (birth dates walk through 1970–2000). */
	static String idNumber() {
		int n = SEQ.incrementAndGet();
		int day = n % 28 + 1;
		int month = n / 28 % 12 + 1;
		int year = 1970 + n / 336 % 30;
		int sequence = n / 10_080 % 1000;
		return ChineseIdNumber.complete(String.format("320102%04d%02d%02d%03d", year, month, day, sequence));
	}

	/** The same number with a wrong check digit. */
	static String withWrongCheckDigit(String idNumber) {
		char right = idNumber.charAt(17);
		char wrong = right == '1' ? '2' : '1';
		return idNumber.substring(0, 17) + wrong;
	}

	static Map<String, Object> staff(String name, StaffRole role, String idNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("gender", "FEMALE");
		body.put("idNumber", idNumber);
		body.put("phone", "13812345678");
		body.put("department", "经济管理学院");
		body.put("role", role.name());
		body.put("trainingStatus", "TRAINED");
		body.put("trainedOn", "2025-03-01");
		body.put("experienceYears", 3);
		return body;
	}
}
