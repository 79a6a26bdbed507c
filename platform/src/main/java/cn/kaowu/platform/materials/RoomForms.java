package cn.kaowu.platform.materials;

import java.util.List;

import cn.kaowu.platform.document.PdfCanvas;

import static cn.kaowu.platform.materials.Sheets.INK;
import static cn.kaowu.platform.materials.Sheets.LEFT;
import static cn.kaowu.platform.materials.Sheets.RULE;
import static cn.kaowu.platform.materials.Sheets.SHADE;
import static cn.kaowu.platform.materials.Sheets.WIDTH;

/** The materials of one room in one slot: 桌贴, 门贴, 考场签到表, 考场情况记录表. */
final class RoomForms {

	private static final String TWO_COPIES = "一式两份：一份上交培训评价组织，一份考核站点留档。";

	private RoomForms() {
	}

	/** 桌贴: 2 × 5 labels of 85 × 52 mm per page, dashed cutting lines. */
	static void deskLabels(PdfCanvas pdf, RoomSheet room) {
		List<RoomSheet.Seat> seats = room.seats();
		for (int i = 0; i < Math.max(1, seats.size()); i++) {
			if (i % 10 == 0) {
				pdf.newPage(PdfCanvas.A4);
			}
			if (seats.isEmpty()) {
				pdf.textCentered("本考场无考生", 105, 40, 14);
				break;
			}
			float x = (i % 2 == 0) ? 15 : 110;
			float y = 17 + (i % 10) / 2 * 54;
			deskLabel(pdf, room, seats.get(i), x, y);
		}
	}

	private static void deskLabel(PdfCanvas pdf, RoomSheet room, RoomSheet.Seat seat, float x, float y) {
		float w = 85;
		float h = 52;
		pdf.color(INK).dash(1.5f, 1.5f).rect(x - 2, y - 1, w + 4, h + 2, 0.3f).dash();
		pdf.rect(x, y, w, h, 0.9f);
		pdf.color(SHADE).fillRect(x, y, w, 10).color(INK).line(x, y + 10, x + w, y + 10, RULE);
		pdf.textInBoxLeft(room.exam().certificateAndLevel(), x, y, w - 24, 10, 9);
		pdf.line(x + w - 24, y, x + w - 24, y + 10, RULE);
		pdf.text("座位", x + w - 22.5f, y + 6.3f, 7);
		pdf.textBoldCentered(String.valueOf(seat.seat()), x + w - 8, y + 8, 17);
		float pw = 21;
		float ph = pw * 413 / 295;
		if (seat.photo() != null) {
			pdf.image(seat.photo(), "photo", x + 3, y + 12.5f, pw, ph);
		}
		else {
			pdf.rect(x + 3, y + 12.5f, pw, ph, 0.3f).textCentered("照片", x + 3 + pw / 2, y + 12.5f + ph / 2, 8);
		}
		float tx = x + 27;
		float tw = w - 29;
		pdf.textBold(seat.name(), tx, y + 19, pdf.fit(seat.name(), tw, 14));
		line(pdf, "准考证号：", seat.ticketNumber(), tx, y + 26, tw, 9.5f);
		line(pdf, "身份证号：", seat.maskedIdNumber(), tx, y + 32, tw, 9);
		line(pdf, "考场：", room.roomName(), tx, y + 38, tw, 9);
		line(pdf, "科目：", room.slot().subject(), tx, y + 44, tw, 8.5f);
		line(pdf, "时间：", room.slot().text(), x + 3, y + 50, w - 6, 8.5f);
	}

	private static void line(PdfCanvas pdf, String label, String value, float x, float y, float w, float size) {
		String text = label + value;
		pdf.text(text, x, y, pdf.fit(text, w, size));
	}

	/** 门贴: A4 landscape, the room name large, subject, time, ticket range and number of candidates. */
	static void doorLabel(PdfCanvas pdf, RoomSheet room) {
		pdf.newPage(PdfCanvas.A4_LANDSCAPE);
		float w = pdf.pageWidth();
		pdf.color(INK).rect(10, 10, w - 20, 190, 2.5f).rect(13, 13, w - 26, 184, 0.6f);
		String head = "1+X " + room.exam().certificateAndLevel() + "考核";
		pdf.textBoldCentered(head, w / 2, 32, pdf.fit(head, w - 40, 22));
		pdf.textCentered(room.exam().siteName(), w / 2, 44, pdf.fit(room.exam().siteName(), w - 40, 15));
		String kind = room.slot().kind().label() + "考场";
		pdf.color(SHADE).fillRect(w / 2 - 25, 51, 50, 12).color(INK).rect(w / 2 - 25, 51, 50, 12, RULE);
		pdf.textBoldCentered(kind, w / 2, 60, 16);
		float size = pdf.fit(room.roomName(), w - 50, 64);
		pdf.textBoldCentered(room.roomName(), w / 2, 92, size);
		String[][] rows = { { "考核科目", room.slot().subject() }, { "考试时间", room.slot().text() },
				{ "准考证号", room.ticketRange() }, { "考生人数", room.seats().size() + " 人" },
				{ "考场地址", room.roomAddress() } };
		float x = 38;
		float y = 106;
		float label = 50;
		float value = w - 76 - label;
		for (String[] row : rows) {
			pdf.color(SHADE).fillRect(x, y, label, 15).color(INK);
			pdf.rect(x, y, label, 15, RULE).rect(x + label, y, value, 15, RULE);
			pdf.textInBox(row[0], x, y, label, 15, 17);
			pdf.textInBoxLeft(row[1], x + label + 2, y, value - 2, 15, 17);
			y += 15;
		}
		pdf.textCentered("考生凭准考证和有效身份证件入场，开考 30 分钟后不得进入考场", w / 2, 193, 11);
	}

	/** 考场签到表: 9 candidates per page with photo and a box to sign; head and foot on every page. */
	static void signInSheet(PdfCanvas pdf, RoomSheet room) {
		float[] cols = { 13, 20, 25, 31, 36, 31, 14 };
		float rowH = 21;
		int perPage = 9;
		List<RoomSheet.Seat> seats = room.seats();
		int pages = Math.max(1, (seats.size() + perPage - 1) / perPage);
		for (int p = 0; p < pages; p++) {
			pdf.newPage(PdfCanvas.A4);
			float y = Sheets.title(pdf, Sheets.kindTitle("考场签到表", room.slot().kind()), 20);
			y = roomHead(pdf, room, y);
			y += 3;
			Sheets.row(pdf, y, cols, 8, 10, true, "座位号", "照片", "姓名", "准考证号", "身份证号", "考生签字", "备注");
			y += 8;
			for (int i = p * perPage; i < Math.min(seats.size(), (p + 1) * perPage); i++) {
				RoomSheet.Seat s = seats.get(i);
				Sheets.row(pdf, y, cols, rowH, 10, false, String.valueOf(s.seat()), "", s.name(), s.ticketNumber(),
						s.maskedIdNumber(), "", "");
				float pw = 13.5f;
				float ph = pw * 413 / 295;
				float px = LEFT + cols[0] + (cols[1] - pw) / 2;
				if (s.photo() != null) {
					pdf.image(s.photo(), "photo", px, y + (rowH - ph) / 2, pw, ph);
				}
				y += rowH;
			}
			pdf.text("应考 " + seats.size() + " 人，实考 ______ 人，缺考 ______ 人。", LEFT, 275, 10);
			pdf.textRight("监考人员签字：______________  ______________", LEFT + WIDTH, 275, 10);
			Sheets.footer(pdf, p + 1, pages, TWO_COPIES);
		}
	}

	/** 考场情况记录表: numbers, absentees, violations, incidents and signatures on one page. */
	static void roomRecord(PdfCanvas pdf, RoomSheet room) {
		pdf.newPage(PdfCanvas.A4);
		float y = Sheets.title(pdf, Sheets.kindTitle("考场情况记录表", room.slot().kind()), 20);
		y = roomHead(pdf, room, y);
		y += 3;
		float[] counts = { 28, 28.6f, 28, 28.6f, 28, 28.8f };
		Sheets.row(pdf, y, counts, 9, 10, false, "应考人数", String.valueOf(room.seats().size()), "实考人数", "",
				"缺考人数", "");
		for (int i : new int[] { 0, 2, 4 }) {
			float x = LEFT;
			for (int j = 0; j < i; j++) {
				x += counts[j];
			}
			pdf.color(SHADE).fillRect(x + 0.3f, y + 0.3f, counts[i] - 0.6f, 8.4f).color(INK);
			pdf.textInBox(new String[] { "应考人数", "实考人数", "缺考人数" }[i / 2], x, y, counts[i], 9, 10);
		}
		y += 9;
		y = Sheets.writingBox(pdf, y, 32, "缺考考生（准考证号、姓名）：");
		y += 4;
		pdf.textBold("违纪情况", LEFT, y + 1, 11);
		y += 3;
		float[] cols = { 30, 22, 62, 30, 26 };
		Sheets.row(pdf, y, cols, 8, 10, true, "准考证号", "姓名", "违纪事实", "处理意见", "考生签字");
		y += 8;
		for (int i = 0; i < 6; i++) {
			Sheets.row(pdf, y, cols, 9, 10, false);
			y += 9;
		}
		y += 4;
		y = Sheets.writingBox(pdf, y, 52,
				"考场异常情况及处理（设备故障、停电、更换考生机、延长考试时间及其原因等）：");
		float[] sign = { 28, 57, 28, 57 };
		Sheets.row(pdf, y, sign, 11, 10, false, "监考人员签字", "", "主考签字", "");
		y += 11;
		Sheets.row(pdf, y, sign, 11, 10, false, "巡考员签字", "", "填表日期", "      年    月    日");
		y += 11;
		pdf.paragraph("注：违纪考生拒不签字的，由在场全部监考人员签字确认。考试延长时间 15 分钟以内的由主考、巡考员决定，"
				+ "15 分钟以上的由培训评价组织决定，均须在本表中记录。本表与《考场签到表》一并密封上交。", LEFT, y + 6, WIDTH, 9, 4.8f);
		Sheets.footer(pdf, 1, 1, TWO_COPIES);
	}

	private static float roomHead(PdfCanvas pdf, RoomSheet room, float y) {
		ExamInfo e = room.exam();
		return Sheets.head(pdf, y, new String[] { "考核计划", e.planName() },
				new String[] { "考核站点", e.siteName() + "（站点编号 " + e.siteCode() + "）" },
				new String[] { "考核证书", e.certificateAndLevel(), "考场", room.roomName() },
				new String[] { "考场地址", room.roomAddress() },
				new String[] { "考核科目", room.slot().subject(), "考试时间", room.slot().text() });
	}
}
