package cn.kaowu.platform.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import cn.kaowu.platform.candidate.CandidateForm;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateManagement.CandidateFilter;
import cn.kaowu.platform.candidate.CandidatePhotos;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Thirty 院校考生 of 南京工业职业技术大学 in 电子商务 (530701) and 网络营销与直播电商 (530703): valid ID numbers, correct
 * pinyin, generated 295×413 photos; 24 verified, 3 awaiting verification, 3 without photo. Created through the
 * services as the college's administrator; skipped when the college already has candidates.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class CandidateDemoData implements DemoStep {

	static final String[][] PEOPLE = { { "王子涵", "Wang Zihan" }, { "李欣怡", "Li Xinyi" }, { "张浩然", "Zhang Haoran" },
			{ "刘雨桐", "Liu Yutong" }, { "陈思远", "Chen Siyuan" }, { "杨梓萱", "Yang Zixuan" }, { "黄俊杰", "Huang Junjie" },
			{ "赵诗琪", "Zhao Shiqi" }, { "周宇航", "Zhou Yuhang" }, { "吴佳怡", "Wu Jiayi" }, { "徐明轩", "Xu Mingxuan" },
			{ "孙梦瑶", "Sun Mengyao" }, { "马天宇", "Ma Tianyu" }, { "朱雅琪", "Zhu Yaqi" }, { "胡博文", "Hu Bowen" },
			{ "郭思彤", "Guo Sitong" }, { "何俊宇", "He Junyu" }, { "高欣然", "Gao Xinran" }, { "林子墨", "Lin Zimo" },
			{ "罗佳琪", "Luo Jiaqi" }, { "郑一鸣", "Zheng Yiming" }, { "梁雨萱", "Liang Yuxuan" }, { "谢文博", "Xie Wenbo" },
			{ "宋雨欣", "Song Yuxin" }, { "唐嘉怡", "Tang Jiayi" }, { "单晓峰", "Shan Xiaofeng" }, { "曾子轩", "Zeng Zixuan" },
			{ "欧阳明月", "Ouyang Mingyue" }, { "库尔班·热合曼", "Kuerban Rehemani" }, { "韩梦琪", "Han Mengqi" } };

	private final CandidateManagement candidates;

	private final OrganisationManagement organisations;

	CandidateDemoData(CandidateManagement candidates, OrganisationManagement organisations) {
		this.candidates = candidates;
		this.organisations = organisations;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void run() {
		OrganisationView college = organisations.findByCode(DemoDataLoader.COLLEGE_1).orElseThrow();
		Scope admin = new Scope(null, "demo", Role.COLLEGE_ADMIN, college.id(), college.provinceId(), college.cityId());
		if (candidates.list(admin, null, new CandidateFilter(CandidateKind.COLLEGE, null, null, null, null), PageQuery.of(1, 1))
			.total() > 0) {
			return;
		}
		List<Long> verify = new ArrayList<>();
		for (int i = 0; i < PEOPLE.length; i++) {
			boolean female = i % 2 == 1;
			String first17 = first17(i);
			boolean eCommerce = i % 3 != 2;
			CandidateForm form = CandidateForm.of(PEOPLE[i][0], PEOPLE[i][1], female ? "女" : "男", "身份证",
					ChineseIdNumber.complete(first17), String.format("1390517%04d", 1000 + i * 37), 2023 + i % 2,
					"高职", eCommerce ? "电子商务" : "网络营销与直播电商", eCommerce ? "530701" : "530703");
			long id = candidates.create(admin, CandidateKind.COLLEGE, form).id();
			if (i < 27) {
				candidates.attachPhoto(admin, id, photo(i, female));
			}
			if (i < 24) {
				verify.add(id);
			}
		}
		candidates.verify(admin, verify);
	}

	/** 320106 (南京市鼓楼区), born 2004–2006; the sequence's last digit is odd for men, even for women. */
	static String first17(int i) {
		boolean female = i % 2 == 1;
		return String.format("320106%04d%02d%02d%02d%d", 2004 + i % 3, i % 12 + 1, i % 27 + 1, 10 + i,
				female ? 2 * (i % 5) : 2 * (i % 5) + 1);
	}

	/** The full ID number of the demo person named so, for the demo's printed examples; null for another name. */
	static String idNumberOf(String name) {
		for (int i = 0; i < PEOPLE.length; i++) {
			if (PEOPLE[i][0].equals(name)) {
				return ChineseIdNumber.complete(first17(i));
			}
		}
		return null;
	}

	/** A small one-inch portrait on red: a head and shoulders. */
	static byte[] photo(int seed, boolean female) {
		BufferedImage image = new BufferedImage(CandidatePhotos.WIDTH, CandidatePhotos.HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(196, 28, 36));
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		Color shirt = new Color[] { new Color(30, 45, 80), new Color(240, 240, 240), new Color(60, 60, 60) }[seed % 3];
		g.setColor(shirt);
		g.fill(new RoundRectangle2D.Double(32, 300, 231, 180, 120, 120));
		g.setColor(new Color(238, 200, 170));
		g.fill(new RoundRectangle2D.Double(125, 240, 45, 70, 20, 20));
		g.fill(new Ellipse2D.Double(92, 110, 111, 145));
		g.setColor(new Color(30, 25, 25));
		if (female) {
			g.fill(new RoundRectangle2D.Double(82, 88, 131, 210, 90, 110));
			g.setColor(new Color(238, 200, 170));
			g.fill(new Ellipse2D.Double(100, 125, 95, 130));
		}
		else {
			g.fill(new Ellipse2D.Double(88, 92, 119, 70));
		}
		g.setColor(new Color(40, 30, 30));
		g.setStroke(new BasicStroke(3));
		g.fillOval(120, 180, 10, 7);
		g.fillOval(165, 180, 10, 7);
		g.drawArc(132, 212, 30, 14, 200, 140);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
