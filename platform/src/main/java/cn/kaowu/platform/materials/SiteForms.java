package cn.kaowu.platform.materials;

import java.util.List;

import cn.kaowu.platform.document.PdfCanvas;

import static cn.kaowu.platform.materials.Sheets.INK;
import static cn.kaowu.platform.materials.Sheets.LEFT;
import static cn.kaowu.platform.materials.Sheets.WIDTH;

/** The site-wide forms of one plan: 巡考情况记录表, 考场封场确认单, 考务人员承诺书. */
final class SiteForms {

	private static final String TWO_COPIES = "整个考点一式两份：一份上交培训评价组织，一份考核站点留档。";

	/** 考场封场确认 and 考场环境检查 of the exam-affairs manual (004 ch.4 §4 (一)). */
	static final List<String> SEAL_CHECKS = List.of("已完成试考检查，模拟考试系统运行正常，考试机不能访问外网",
			"已完成系统检查，服务器、考生机未感染病毒，其他无关软件均已退出", "考核当天供电正常，监控设备运行正常（无监控的已使用摄录机等移动设备）",
			"《考场签到表》与考核系统中的考生数据核对一致", "门贴、桌贴、指示标识已张贴，考核内容及时间表、《考生守则》已张贴或摆放在考场入口",
			"考生座位间距符合考场整理细则要求（30-50cm），考生物品存放处已设置");

	/** 考务人员承诺书: duties of 004 ch.4 §3, recusal of 000 §1.3, secrecy of 002 art.17. */
	static final List<String> PLEDGES = List.of("遵守国家法律法规和考核的各项规章制度，认真履行岗位职责，服从考核站点的统一安排。",
			"严守保密纪律，不泄露、不传播试题、答案和考生信息，不私自复制、拍摄任何考核资料。",
			"本人的配偶、直系亲属、三代以内旁系血亲及近姻亲未参加本次考核；如有，已主动申请回避。",
			"坚守岗位，不迟到、不早退、不擅离职守；考核期间不使用手机，不在考场内吸烟、阅读书报、谈笑。",
			"不为考生提供任何帮助，不对题意作解释或提示；发现违纪舞弊行为如实记录，按规定严肃处理。", "如有违反，自愿接受有关部门的处理，并承担相应责任。");

	private SiteForms() {
	}

	/** 巡考情况记录表: a line per room and slot (rows over several pages), then the patrol's summary. */
	static void patrolRecord(PdfCanvas pdf, SiteSheet site) {
		float[] cols = { 10, 28, 56, 38, 18, 20 };
		float rowH = 9;
		List<SiteSheet.Session> rooms = site.rooms();
		// Page 1 has the head (5 rows), later pages only the table; the summary needs 80 mm after the last row.
		int firstPage = 20;
		int perPage = 26;
		int pages = 1 + Math.max(0, (int) Math.ceil((rooms.size() - firstPage) / (double) perPage));
		int lastRows = pages == 1 ? rooms.size() : rooms.size() - firstPage - (pages - 2) * perPage;
		float lastEnd = (pages == 1 ? 88 : 38) + lastRows * rowH;
		boolean summaryOwnPage = lastEnd + 80 > 280;
		int total = pages + (summaryOwnPage ? 1 : 0);
		int index = 0;
		float y = 0;
		for (int p = 0; p < pages; p++) {
			pdf.newPage(PdfCanvas.A4);
			y = Sheets.title(pdf, "巡考情况记录表", 20);
			if (p == 0) {
				y = siteHead(pdf, site, y);
				y = Sheets.head(pdf, y, new String[] { "巡考员", "", "巡考日期", "      年    月    日" });
				y += 3;
			}
			Sheets.row(pdf, y, cols, 8, 10, true, "序号", "考场", "考核科目", "考试时间", "巡视时间", "考场情况");
			y += 8;
			int rows = p == 0 ? firstPage : perPage;
			for (int r = 0; r < rows && index < rooms.size(); r++, index++) {
				SiteSheet.Session s = rooms.get(index);
				Sheets.row(pdf, y, cols, rowH, 9, false, String.valueOf(index + 1), s.roomName(),
						s.slot().subject() + "（" + s.slot().kind().label() + "）", s.slot().text(), "", "");
				y += rowH;
			}
			if (p < pages - 1 || summaryOwnPage) {
				Sheets.footer(pdf, p + 1, total, TWO_COPIES);
			}
		}
		if (summaryOwnPage) {
			pdf.newPage(PdfCanvas.A4);
			y = Sheets.title(pdf, "巡考情况记录表（续）", 20);
		}
		y += 4;
		pdf.text("考场情况栏填写：正常 / 异常（异常的在总体情况中说明）", LEFT, y + 1, 9);
		y += 3;
		y = Sheets.writingBox(pdf, y, 40, "总体情况（监考到岗、考生身份核验、考场纪律、设备与监控运行、违纪及异常情况的处理）：");
		y = Sheets.writingBox(pdf, y, 22, "意见和建议：");
		float[] sign = { 28, 57, 28, 57 };
		Sheets.row(pdf, y, sign, 11, 10, false, "巡考员签字", "", "主考签字", "");
		Sheets.footer(pdf, total, total, TWO_COPIES);
	}

	/** 考场封场确认单: the checks before sealing, then a line per room and slot for the two signatures. */
	static void sealConfirmation(PdfCanvas pdf, SiteSheet site) {
		pdf.newPage(PdfCanvas.A4);
		float y = Sheets.title(pdf, "考场封场确认单", 20);
		y = siteHead(pdf, site, y);
		y += 3;
		float[] checks = { 12, 130, 28 };
		Sheets.row(pdf, y, checks, 8, 10, true, "序号", "确认内容", "确认结果");
		y += 8;
		for (int i = 0; i < SEAL_CHECKS.size(); i++) {
			Sheets.row(pdf, y, checks, 9, 9.5f, false, String.valueOf(i + 1), "", "□是  □否");
			pdf.textInBoxLeft(SEAL_CHECKS.get(i), LEFT + checks[0], y, checks[1], 9, 9.5f);
			y += 9;
		}
		y += 4;
		float[] cols = { 10, 27, 53, 36, 12, 16, 16 };
		int page = 1;
		int pages = site.rooms().size() <= 9 ? 1 : 0;
		Sheets.row(pdf, y, cols, 8, 9, true, "序号", "考场", "考核科目", "考试时间", "考生数", "系统管理员", "考务人员");
		y += 8;
		int i = 0;
		for (SiteSheet.Session s : site.rooms()) {
			if (y + 9 > 250 && page == 1 || y + 9 > 278) {
				Sheets.footer(pdf, page, pages, TWO_COPIES);
				pdf.newPage(PdfCanvas.A4);
				page++;
				y = Sheets.title(pdf, "考场封场确认单（续）", 20) + 3;
				Sheets.row(pdf, y, cols, 8, 9, true, "序号", "考场", "考核科目", "考试时间", "考生数", "系统管理员", "考务人员");
				y += 8;
			}
			Sheets.row(pdf, y, cols, 9, 9, false, String.valueOf(++i), s.roomName(),
					s.slot().subject() + "（" + s.slot().kind().label() + "）", s.slot().text(), String.valueOf(s.candidates()),
					"", "");
			y += 9;
		}
		if (y + 28 > 280) {
			Sheets.footer(pdf, page, pages, TWO_COPIES);
			pdf.newPage(PdfCanvas.A4);
			page++;
			y = 20;
		}
		y += 6;
		pdf.text("封场时间：        年    月    日    时    分", LEFT, y, 10);
		y += 8;
		pdf.text("培训评价组织技术支持人员确认：________________", LEFT, y, 10);
		pdf.textRight("考核站点（盖章）", LEFT + WIDTH, y, 10);
		Sheets.footer(pdf, page, pages, TWO_COPIES);
	}

	/** 考务人员承诺书: the pledge, then one table for every person's signature (as the manual suggests). */
	static void staffPledge(PdfCanvas pdf, SiteSheet site) {
		pdf.newPage(PdfCanvas.A4);
		float y = Sheets.title(pdf, "考务人员承诺书", 22) + 4;
		ExamInfo e = site.exam();
		y = pdf.paragraph("　　本人自愿参加" + e.siteName() + "（站点编号 " + e.siteCode() + "）" + e.planName() + "的考务工作，郑重承诺：",
				LEFT, y, WIDTH, 11, 6.5f);
		for (int i = 0; i < PLEDGES.size(); i++) {
			y = pdf.paragraph((i + 1) + ". " + PLEDGES.get(i), LEFT + 4, y, WIDTH - 4, 11, 6.5f);
		}
		y += 3;
		float[] cols = { 14, 36, 40, 50, 30 };
		int rows = Math.max(site.staff().size(), 14);
		int page = 1;
		Sheets.row(pdf, y, cols, 8, 10, true, "序号", "姓名", "考务岗位", "本人签字", "日期");
		y += 8;
		for (int i = 0; i < rows; i++) {
			if (y + 10 > 278) {
				Sheets.footer(pdf, page++, 0, TWO_COPIES);
				pdf.newPage(PdfCanvas.A4);
				y = Sheets.title(pdf, "考务人员承诺书（续）", 20) + 3;
				Sheets.row(pdf, y, cols, 8, 10, true, "序号", "姓名", "考务岗位", "本人签字", "日期");
				y += 8;
			}
			SiteSheet.StaffLine s = i < site.staff().size() ? site.staff().get(i) : null;
			Sheets.row(pdf, y, cols, 10, 10, false, String.valueOf(i + 1), s == null ? "" : s.name(),
					s == null ? "" : s.duty(), "", "");
			y += 10;
		}
		if (y + 14 > 280) {
			Sheets.footer(pdf, page++, 0, TWO_COPIES);
			pdf.newPage(PdfCanvas.A4);
			y = 20;
		}
		pdf.text("考核站点（盖章）：", LEFT + 90, y + 10, 11);
		pdf.text("日期：        年    月    日", LEFT + 90, y + 18, 11);
		Sheets.footer(pdf, page, page == 1 ? 1 : 0, TWO_COPIES);
	}

	private static float siteHead(PdfCanvas pdf, SiteSheet site, float y) {
		ExamInfo e = site.exam();
		return Sheets.head(pdf, y, new String[] { "考核计划", e.planName() },
				new String[] { "考核证书", e.certificateAndLevel(), "站点编号", e.siteCode() },
				new String[] { "考核站点", e.siteName() });
	}
}
