package cn.kaowu.platform.candidate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.kaowu.platform.kernel.ChineseIdNumber;

/** Valid candidate rows with ID numbers unique within the test JVM. */
public final class CandidateMother {

	private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500_000));

	static final String[][] NAMES = { { "张三丰", "Zhang Sanfeng" }, { "李四", "Li Si" }, { "王小明", "Wang Xiaoming" },
			{ "单雄信", "Shan Xiongxin" }, { "曾国藩", "Zeng Guofan" }, { "欧阳娜娜", "Ouyang Nana" },
			{ "库尔班·热合曼", "Kuerban Rehemani" }, { "陈思远", "Chen Siyuan" }, { "刘芳", "Liu Fang" },
			{ "赵雪", "Zhao Xue" } };

	private CandidateMother() {
	}

	/** A fresh valid 身份证 number (born 2000–2005). */
	public static String idNumber() {
		int n = SEQ.incrementAndGet();
		int day = n % 28 + 1;
		int month = (n / 28) % 12 + 1;
		int year = 2000 + (n / 336) % 6;
		int area = 110101 + (n / 2016) % 900;
		return ChineseIdNumber.complete(String.format("%06d%04d%02d%02d%03d", area, year, month, day, n % 1000));
	}

	/** The cells of a valid row in template order. */
	public static List<String> row(int i) {
		String[] name = NAMES[i % NAMES.length];
		return new ArrayList<>(List.of(name[0], name[1], i % 2 == 0 ? "男" : "女", "身份证", idNumber(),
				"138" + String.format("%08d", i), "2024", "高职", "电子商务", "530701"));
	}

	public static final List<String> HEADERS = List.of("*学生姓名", "*姓名拼音", "*性别", "*证件类型", "*证件号码", "*手机号码",
			"*入学年份", "*专业层次", "*就读专业", "*专业代码");
}
