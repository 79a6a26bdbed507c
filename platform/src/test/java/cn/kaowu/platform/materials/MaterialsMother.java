package cn.kaowu.platform.materials;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/** Sample materials: a site with rooms of seated candidates, Chinese names, masked IDs and 295 × 413 photos. */
final class MaterialsMother {

	static final ExamInfo EXAM = new ExamInfo("2026年第四批网店运营推广职业技能等级证书考核", "网店运营推广职业技能等级证书", "中级",
			"南京工业职业技术大学网店运营推广考核站点", "30003007-320000-001");

	static final ExamSlot THEORY = new ExamSlot("网店运营推广（中级）理论知识", ExamKind.THEORY,
			LocalDateTime.of(2026, 12, 5, 9, 0), LocalDateTime.of(2026, 12, 5, 10, 30));

	static final ExamSlot PRACTICE = new ExamSlot("网店运营推广（中级）实操技能", ExamKind.PRACTICE,
			LocalDateTime.of(2026, 12, 5, 13, 30), LocalDateTime.of(2026, 12, 5, 16, 0));

	private static final String[] SURNAMES = { "张", "王", "李", "赵", "欧阳", "陈", "刘", "黄", "周", "吴" };

	private static final String[] PINYIN = { "ZHANG", "WANG", "LI", "ZHAO", "OUYANG", "CHEN", "LIU", "HUANG", "ZHOU",
			"WU" };

	private static final String[] GIVEN = { "子涵", "浩然", "欣怡", "梓萱", "一诺", "宇轩", "雨桐", "俊杰", "思远", "嘉怡" };

	private static final String[] GIVEN_PINYIN = { "Zihan", "Haoran", "Xinyi", "Zixuan", "Yinuo", "Yuxuan", "Yutong",
			"Junjie", "Siyuan", "Jiayi" };

	private static final byte[] PHOTO = photo(new Color(0x3A, 0x7B, 0xD5));

	private MaterialsMother() {
	}

	/** A 295 × 413 JPEG (小一寸) with a head-and-shoulders silhouette on a coloured background. */
	static byte[] photo(Color background) {
		BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(background);
		g.fillRect(0, 0, 295, 413);
		g.setColor(new Color(0xF1, 0xC2, 0x9B));
		g.fillOval(92, 70, 110, 140);
		g.setColor(new Color(0x22, 0x22, 0x22));
		g.fillArc(92, 60, 110, 80, 0, 180);
		g.fillRoundRect(40, 250, 215, 200, 120, 120);
		g.setColor(Color.WHITE);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
		g.drawString("PHOTO", 115, 395);
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String name(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
	}

	static String pinyin(int i) {
		return PINYIN[i % PINYIN.length] + " " + GIVEN_PINYIN[(i / PINYIN.length) % GIVEN_PINYIN.length];
	}

	static String ticketNumber(int i) {
		return String.format("2604%06d", 1001 + i);
	}

	static String maskedId(int i) {
		return String.format("320102********%04d", 1000 + i % 9000);
	}

	static String roomName(int room) {
		return "信息楼 A" + (301 + room) + " 机房";
	}

	static String roomAddress(int room) {
		return "南京市栖霞区仙林大学城羊山北路 1 号 信息楼三楼";
	}

	/** Candidate {@code i}'s ticket, seated in room {@code i / perRoom} at seat {@code i % perRoom + 1}. */
	static TicketData ticket(int i, int perRoom, byte[] photo) {
		int room = i / perRoom;
		return new TicketData(photo, name(i), pinyin(i), maskedId(i), ticketNumber(i), EXAM, roomName(room),
				roomAddress(room), i % perRoom + 1, List.of(THEORY, PRACTICE));
	}

	static TicketData ticket(int i) {
		return ticket(i, 30, PHOTO);
	}

	static RoomSheet room(int room, int perRoom, ExamSlot slot, byte[] photo) {
		List<RoomSheet.Seat> seats = new ArrayList<>();
		for (int s = 0; s < perRoom; s++) {
			int i = room * perRoom + s;
			seats.add(new RoomSheet.Seat(s + 1, ticketNumber(i), name(i), maskedId(i), photo));
		}
		return new RoomSheet(EXAM, roomName(room), roomAddress(room), slot, seats, List.of("孙立新", "钱晓梅"));
	}

	static RoomSheet room(int room, ExamSlot slot) {
		return room(room, 30, slot, PHOTO);
	}

	static SiteSheet site(int rooms) {
		List<SiteSheet.Session> sessions = new ArrayList<>();
		for (ExamSlot slot : List.of(THEORY, PRACTICE)) {
			for (int r = 0; r < rooms; r++) {
				sessions.add(new SiteSheet.Session(roomName(r), slot, 30));
			}
		}
		List<SiteSheet.StaffLine> staff = List.of(new SiteSheet.StaffLine("周建国", "主考"),
				new SiteSheet.StaffLine("孙立新", "监考员"), new SiteSheet.StaffLine("钱晓梅", "监考员"),
				new SiteSheet.StaffLine("郑海峰", "系统管理员"), new SiteSheet.StaffLine("冯雅琴", "考务人员"),
				new SiteSheet.StaffLine("陈志强", "巡考员"));
		return new SiteSheet(EXAM, sessions, staff);
	}
}
