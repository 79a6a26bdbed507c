package cn.kaowu.platform.review;

import java.util.List;

import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.plan.PlanView;

/**
 * The two printed documents of score review, drawn with {@link PdfCanvas} on A4 (mm, y from the top): the 附件1
 * 成绩复查申请表 (college, plan, contact, the candidate with masked ID number and ticket, the subjects with their scores
 * and reasons, the statement, a field for the college's opinion and signature) and the 成绩复查回执 (per subject the
 * original score, the result and the explanation).
 */
final class ReviewPdfs {

	private static final float LEFT = 20;

	private static final float WIDTH = 170;

	private ReviewPdfs() {
	}

	static byte[] requestForm(ReviewView v, PlanView plan) {
		try (PdfCanvas pdf = PdfCanvas.create("成绩复查申请表")) {
			pdf.newPage(PdfCanvas.A4);
			pdf.textBoldCentered(plan.certificateName() + "职业技能等级证书成绩复查申请表", 105, 22, 14);
			float y = 32;
			y = row(pdf, y, List.of("试点院校", v.collegeName()), new float[] { 35, 135 });
			y = row(pdf, y, List.of("考务负责人", v.contactPerson(), "联系方式", v.contactPhone()),
					new float[] { 35, 50, 35, 50 });
			y = row(pdf, y, List.of("考试计划", plan.name(), "申请编号", String.valueOf(v.id())), new float[] { 35, 50, 35, 50 });
			y = row(pdf, y, List.of("考生姓名", "身份证号", "准考证号", "报考级别"), new float[] { 35, 50, 50, 35 });
			y = row(pdf, y, List.of(v.name(), v.idNumberMasked(), v.ticketNumber() == null ? "—" : v.ticketNumber(),
					v.levelLabel()), new float[] { 35, 50, 50, 35 });
			y = row(pdf, y, List.of("复查科目", "原始成绩", "复查理由"), new float[] { 35, 35, 100 });
			for (ReviewView.Subject s : v.subjects()) {
				y = row(pdf, y, List.of(s.subjectLabel(), Texts.score(s.scoreBefore(), s.absentBefore(), s.missingBefore()),
						reason(s.reason())), new float[] { 35, 35, 100 });
			}
			pdf.textBold("复查理由（申请人陈述）", LEFT, y + 7, 10.5f);
			float bottom = pdf.paragraph(v.statement(), LEFT + 2, y + 14, WIDTH - 4, 10, 5.5f);
			float boxBottom = Math.max(bottom + 3, y + 40);
			pdf.rect(LEFT, y, WIDTH, boxBottom - y, 0.5f);
			y = boxBottom;
			pdf.rect(LEFT, y, WIDTH, 30, 0.5f);
			pdf.textBold("试点院校意见", LEFT + 2, y + 7, 10.5f);
			pdf.text("负责人签字：__________        年    月    日", LEFT + 80, y + 25, 10);
			y += 38;
			pdf.paragraph("备注：复查申请于成绩公示开始后 7 个工作日内由院校统一提交，逾期不予受理；复查范围：无考试成绩的，客观题科目仅在成绩为零分或缺考时，"
					+ "主观题仅核查漏评与合分、登分错误，不对试题重新评阅；成绩公示期内复查仅此一次。提交时间："
					+ Texts.time(v.submittedAt()) + "。", LEFT, y, WIDTH, 9, 5);
			return pdf.toBytes();
		}
	}

	static byte[] receipt(ReviewView v, PlanView plan) {
		try (PdfCanvas pdf = PdfCanvas.create("成绩复查回执")) {
			pdf.newPage(PdfCanvas.A4);
			pdf.textBoldCentered(plan.certificateName() + "职业技能等级证书成绩复查回执", 105, 22, 14);
			pdf.textCentered(v.collegeName(), 105, 30, 11);
			float y = 38;
			y = row(pdf, y, List.of("考试计划", plan.name(), "申请编号", String.valueOf(v.id())), new float[] { 30, 60, 30, 50 });
			y = row(pdf, y, List.of("考生姓名", v.name(), "身份证号", v.idNumberMasked()), new float[] { 30, 60, 30, 50 });
			y = row(pdf, y, List.of("考生姓名", "复查级别", "复查科目", "原始成绩", "成绩复查", "备注"),
					new float[] { 25, 20, 30, 25, 30, 40 });
			for (ReviewView.Subject s : v.subjects()) {
				String result = s.result() == ReviewResult.CORRECTED
						? "更正为 " + Texts.score(s.scoreAfter(), s.absentAfter(), false) : "维持原成绩";
				y = row(pdf, y, List.of(v.name(), v.levelLabel(), s.subjectLabel(),
						Texts.score(s.scoreBefore(), s.absentBefore(), s.missingBefore()), result, reason(s.reason())),
						new float[] { 25, 20, 30, 25, 30, 40 });
			}
			y += 8;
			pdf.textBold("复查说明", LEFT, y, 10.5f);
			y += 7;
			for (ReviewView.Subject s : v.subjects()) {
				y = pdf.paragraph(s.subjectLabel() + "：" + (s.explanation() == null ? "" : s.explanation()), LEFT, y, WIDTH,
						10, 5.5f) + 2;
			}
			y += 6;
			pdf.text("提交时间：" + Texts.time(v.submittedAt()) + "    答复期限：" + Texts.time(v.answerDue() == null ? null
					: v.answerDue().minusSeconds(60)), LEFT, y, 10);
			y += 7;
			pdf.text("答复时间：" + Texts.time(v.answeredAt()) + (Boolean.TRUE.equals(v.answeredLate()) ? "（逾期答复）" : ""),
					LEFT, y, 10);
			y += 7;
			pdf.text("答复单位：" + plan.organisationName(), LEFT, y, 10);
			y += 10;
			pdf.paragraph("更正后的成绩已在管理服务平台予以更正；复查后成绩无变更的维持原成绩。", LEFT, y, WIDTH, 9, 5);
			return pdf.toBytes();
		}
	}

	private static String reason(ReviewReason reason) {
		return switch (reason) {
			case MISSING_SCORE -> "已参加考试但无成绩";
			case OBJECTIVE_ZERO_OR_ABSENT -> "客观题：成绩为 0 或缺考";
			case MISSED_MARKING -> "主观题：漏评";
			case ADDING_UP -> "主观题：合分、登分错误";
			case REMARKING -> "重新评阅（不受理）";
		};
	}

	/** A row of boxed cells (widths in mm) 9 mm high; the y of the next row. */
	private static float row(PdfCanvas pdf, float y, List<String> cells, float[] widths) {
		float x = LEFT;
		for (int i = 0; i < cells.size(); i++) {
			pdf.rect(x, y, widths[i], 9, 0.5f);
			pdf.textInBox(cells.get(i), x, y, widths[i], 9, 9.5f);
			x += widths[i];
		}
		return y + 9;
	}
}
