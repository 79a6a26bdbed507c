package cn.kaowu.platform.materials;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.document.PdfCanvas;

import static cn.kaowu.platform.materials.Sheets.INK;
import static cn.kaowu.platform.materials.Sheets.LEFT;
import static cn.kaowu.platform.materials.Sheets.RULE;
import static cn.kaowu.platform.materials.Sheets.SHADE;
import static cn.kaowu.platform.materials.Sheets.WIDTH;

/**
 * 准考证: one A4 page per candidate. Head with a QR code of the ticket number, the candidate with photo, the site
 * and room, the subjects with times, and the rules for candidates (考生须知) taken from the exam-affairs manual
 * (004 ch.4 §3–5) and the site standard (000 §4.5).
 */
final class TicketPages {

	/** 考生须知, each rule from a passage of the seeds (entry, identity, phones, late entry, login, faults, rules). */
	static final List<String> RULES = List.of(
			"考生须凭本准考证和有效身份证件（二者缺一不可）参加考核，至少提前 30 分钟到达考点，经身份核验后进入考场。",
			"入场后按座位号就座，核对桌贴信息，将准考证、身份证件放在桌面左上角备查，并在《考场签到表》本人栏内签字。",
			"手机及其他与考核无关的物品不得带入考场，须放在考场外的物品存放处。",
			"开考 30 分钟后不得进入考场。考核期间原则上不得离场；经主考同意，理论考试可在结束前 15 分钟内、实操考试可在结束前 30 分钟内离场。",
			"考试系统的登录账号为准考证号，初始密码为准考证号后 6 位。登录后须认真核对屏幕显示的姓名、准考证号等信息。",
			"遇机器故障、停电等意外情况，须举手示意，由监考人员处理，不得自行操作；因此耽误的考试时间按规定予以补足。",
			"考试结束前 15 分钟监考人员提醒时间，考试结束时立即停止答题。下发的考试资料须写上姓名和准考证号，考后全部交回，不得带出考场。",
			"遵守考场纪律，服从监考人员管理。违纪、舞弊者视情节给予警告直至终止考核、成绩无效处理，并记入《考场情况记录表》。",
			"对考核有异议的，可在本场考核结束后 2 小时内向考核站点仲裁组递交本人签字的书面申诉。");

	private static final float LABEL = 26;

	private static final float ROW = 9;

	private static final float RULE_SIZE = 9.5f;

	private static final float TOP = 53;

	private static final int PHOTO_ROWS = 6;

	private static final float PHOTO_COLUMN = 40;

	/** Top of the subjects table: below the 11 rows of the candidate table. */
	private static final float SUBJECTS = TOP + 11 * ROW + 7.5f;

	private static final float SUBJECT_ROW = 7.5f;

	private static final float[] SUBJECT_COLUMNS = { 78, 20, 40, 32 };

	private final PdfCanvas pdf;

	private List<List<String>> wrappedRules;

	TicketPages(PdfCanvas pdf) {
		this.pdf = pdf;
	}

	/** Ticket pages with n subjects share one template (frame, labels, table rules, 考生须知): drawn once per file. */
	private final Map<Integer, PdfCanvas.Template> templates = new HashMap<>();

	void page(TicketData t) {
		PdfCanvas.Template template = templates.computeIfAbsent(t.subjects().size(),
				n -> pdf.template(PdfCanvas.A4, c -> fixed(n)));
		pdf.newPage(PdfCanvas.A4);
		pdf.stamp(template).color(INK);
		pdf.qrCode(t.ticketNumber(), 167, 15, 20);
		pdf.textCentered(t.exam().planName(), 105, 48, pdf.fit(t.exam().planName(), WIDTH - 10, 11));
		float y = TOP;
		String[] withPhoto = { t.name(), t.pinyin(), t.maskedIdNumber(), t.ticketNumber(),
				t.exam().certificateName(), t.exam().levelName() };
		for (int i = 0; i < withPhoto.length; i++) {
			value(withPhoto[i], y, WIDTH - LABEL - PHOTO_COLUMN, i == 0 || i == 3);
			y += ROW;
		}
		float pw = 32;
		float ph = pw * 413 / 295;
		float px = LEFT + WIDTH - PHOTO_COLUMN + 4;
		float py = TOP + (ROW * PHOTO_ROWS - ph) / 2;
		if (t.photo() != null) {
			pdf.image(t.photo(), "photo", px, py, pw, ph);
		}
		else {
			pdf.rect(px, py, pw, ph, 0.3f).textCentered("照片", px + pw / 2, py + ph / 2, 10);
		}
		String[] full = { t.exam().siteName(), t.exam().siteCode(), t.roomName(), t.roomAddress(),
				String.valueOf(t.seat()) };
		for (int i = 0; i < full.length; i++) {
			value(full[i], y, WIDTH - LABEL, i == 4);
			y += ROW;
		}
		y = SUBJECTS + SUBJECT_ROW;
		for (ExamSlot s : t.subjects()) {
			float x = LEFT;
			String[] texts = { s.subject(), s.kind().label(), s.dateText(), s.timeText() };
			for (int i = 0; i < texts.length; i++) {
				pdf.textInBox(texts[i], x, y, SUBJECT_COLUMNS[i], SUBJECT_ROW, 10);
				x += SUBJECT_COLUMNS[i];
			}
			y += SUBJECT_ROW;
		}
		pdf.textRight("考核站点：" + t.exam().siteName(), LEFT + WIDTH, 283, 9);
	}

	/** What every ticket with {@code subjects} subjects has in the same place. */
	private void fixed(int subjects) {
		pdf.color(INK).rect(14, 10, 182, 277, 1.2f).rect(15.5f, 11.5f, 179, 274, 0.4f);
		pdf.textCentered("1+X 职业技能等级证书考核", 105, 25, 14);
		pdf.textBoldCentered("准  考  证", 105, 38, 26);
		pdf.textCentered("准考证号二维码", 177, 39, 6.5f);
		float y = TOP;
		String[] labels = { "姓    名", "姓名拼音", "身份证号", "准考证号", "考核证书", "证书等级", "考核站点", "站点编号", "考    场", "考场地址",
				"座 位 号" };
		for (int i = 0; i < labels.length; i++) {
			float valueWidth = WIDTH - LABEL - (i < PHOTO_ROWS ? PHOTO_COLUMN : 0);
			pdf.color(SHADE).fillRect(LEFT, y, LABEL, ROW).color(INK);
			pdf.rect(LEFT, y, LABEL, ROW, RULE).rect(LEFT + LABEL, y, valueWidth, ROW, RULE);
			pdf.textInBox(labels[i], LEFT, y, LABEL, ROW, 11);
			y += ROW;
		}
		pdf.rect(LEFT + WIDTH - PHOTO_COLUMN, TOP, PHOTO_COLUMN, ROW * PHOTO_ROWS, RULE);
		pdf.textBold("考核科目及时间", LEFT, SUBJECTS - 2.5f, 11);
		Sheets.row(pdf, SUBJECTS, SUBJECT_COLUMNS, SUBJECT_ROW, 10, true, "考核科目", "类型", "考试日期", "考试时间");
		y = SUBJECTS + SUBJECT_ROW;
		for (int i = 0; i < subjects; i++) {
			Sheets.row(pdf, y, SUBJECT_COLUMNS, SUBJECT_ROW, 10, false);
			y += SUBJECT_ROW;
		}
		y += 7;
		pdf.textBold("考 生 须 知", LEFT, y, 11);
		y += 6;
		for (List<String> rule : wrappedRules()) {
			for (int i = 0; i < rule.size(); i++) {
				pdf.text(rule.get(i), LEFT + (i == 0 ? 0 : 4.5f), y, RULE_SIZE);
				y += 4.8f;
			}
			y += 0.8f;
		}
		pdf.text("请妥善保管本准考证，考后不收回。", LEFT, 283, 9);
	}

	private void value(String value, float y, float valueWidth, boolean strong) {
		float size = pdf.fit(value, valueWidth - 4, strong ? 13 : 11);
		float baseline = y + ROW / 2 + size * 0.124f;
		if (strong) {
			pdf.textBold(value, LEFT + LABEL + 2.5f, baseline, size);
		}
		else {
			pdf.text(value, LEFT + LABEL + 2.5f, baseline, size);
		}
	}

	/** The rules are the same on every page: wrapped once per file. */
	private List<List<String>> wrappedRules() {
		if (wrappedRules == null) {
			wrappedRules = new java.util.ArrayList<>();
			for (int i = 0; i < RULES.size(); i++) {
				String numbered = (i + 1) + ". " + RULES.get(i);
				List<String> first = pdf.wrap(numbered, WIDTH, RULE_SIZE);
				if (first.size() > 1) {
					// Continuation lines are indented under the text, not the number.
					String rest = numbered.substring(first.get(0).length());
					List<String> lines = new java.util.ArrayList<>();
					lines.add(first.get(0));
					lines.addAll(pdf.wrap(rest, WIDTH - 4.5f, RULE_SIZE));
					first = lines;
				}
				wrappedRules.add(first);
			}
		}
		return wrappedRules;
	}
}
