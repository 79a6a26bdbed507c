package cn.kaowu.examsite.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.examsite.BrowserTestSupport;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.exam.CandidateRef;
import cn.kaowu.examsite.exam.SittingView;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.setup.SiteKeys;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exam day in Chromium: the administrator sets the site up, imports and opens the package at T-30, three
 * candidates sit the exam (one swaps PC midway, one leaves early with the chief examiner's consent recorded on the
 * proctor console), one is marked 缺考, a late one is turned away at +30, room 101 gets a 5-minute extension and a
 * candidate a warning through the console, and the result package is downloaded and verified.
 */
class ExamDayBrowserTest extends BrowserTestSupport {

    static final String PACKAGE = "PKG-BROWSER";

    @Autowired
    MutableClock clock;
    @Autowired
    SiteKeys keys;
    @Autowired
    Sittings sittings;

    @Test
    void threeCandidatesSitTheExam() throws Exception {
        clock.set(TestPackages.SLOT_START.minus(Duration.ofHours(2)));
        var built = TestPackages.build(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pkg"),
                PACKAGE, TestPackages.SITE_CODE, keys.publicKey(), 5);

        Page admin = newPc();
        admin.navigate(url("/admin"));
        admin.fill("#password", "test-admin-pw");
        admin.click("button[type=submit]");
        assertThat(admin.locator("#site-public-key")).containsText("BEGIN PUBLIC KEY");
        admin.fill("#siteCode", TestPackages.SITE_CODE);
        admin.fill("#platformPublicKey", TestPackages.platformPublicKeyPem());
        admin.click("text=保存设置");
        assertThat(admin.locator(".message")).containsText("站点设置已保存");
        screenshot(admin, "01-admin-setup");

        admin.setInputFiles("#package-file", built.file());
        admin.click("text=导入并校验签名");
        assertThat(admin.locator(".message")).containsText("已导入并通过签名校验");

        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(31)));
        admin.fill("#releaseKey", built.releaseKeyBase64());
        admin.click("text=用发布密钥解密");
        assertThat(admin.locator(".error")).containsText("开考前 30 分钟");
        screenshot(admin, "02-admin-package-too-early");

        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
        admin.fill("#releaseKey", built.releaseKeyBase64());
        admin.click("text=用发布密钥解密");
        assertThat(admin.locator(".message")).containsText("5 名考生的试卷已生成");
        assertThat(admin.locator("#package-state")).containsText("已解密");

        // Candidate 3 is early: signed in, the paper appears only at the start.
        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(10)));
        Page three = signIn(3);
        three.click("#confirm");
        assertThat(three.locator("#waiting h1")).hasText("考试尚未开始");
        assertThat(three.locator("#paper")).hasCount(0);
        screenshot(three, "03a-candidate-waiting-for-start");

        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(2)));
        // Candidate 1: everything right, straight through; leaves early with the chief examiner's consent.
        Page one = signIn(1);
        screenshot(one, "03-candidate-confirm");
        admin.reload();
        admin.fill("#row-" + TestPackages.ticket(1) + " form.early-leave input[name=chiefExaminer]", "王主考");
        admin.click("#row-" + TestPackages.ticket(1) + " form.early-leave button");
        assertThat(admin.locator(".message")).containsText("提前交卷许可已记录");
        assertThat(admin.locator("#row-" + TestPackages.ticket(1))).containsText("已许可提前交卷");
        one.click("#confirm");
        assertThat(one.locator("#submit")).isEnabled();
        assertThat(one.locator("#countdown")).hasText(Pattern.compile("01:2\\d:\\d\\d"));
        Boolean copyBlocked = (Boolean) one.evaluate("() => { const e = new Event('copy', {cancelable: true});"
                + " document.dispatchEvent(e); return e.defaultPrevented; }");
        Boolean menuBlocked = (Boolean) one.evaluate("() => { const e = new MouseEvent('contextmenu',"
                + " {cancelable: true, bubbles: true}); document.body.dispatchEvent(e); return e.defaultPrevented; }");
        assertThat(copyBlocked).isTrue();
        assertThat(menuBlocked).isTrue();
        answerCorrectly(one, 1);
        // 实操作品: chosen in the file input, uploaded at once, named on the page.
        one.setInputFiles("#item-p1 input[type=file]", new com.microsoft.playwright.options.FilePayload("作品.zip",
                "application/zip", new byte[4096]));
        assertThat(one.locator("#item-p1 .work-status")).hasText("已上传：作品.zip（4 KB）");
        screenshot(one, "04-candidate-paper");
        submit(one);
        assertThat(one.locator("h1")).hasText("已交卷");
        assertThat(one.locator("#receipt")).hasText(Pattern.compile("[0-9A-F]{4}(-[0-9A-F]{4}){4}"));
        screenshot(one, "05-candidate-receipt");

        // Candidate 2: answers on one PC, which then "breaks"; on another PC the answers are there.
        Page two = signIn(2);
        two.click("#confirm");
        Map<String, String> key2 = correctLabels(2);
        two.check("#item-t1 input[value=F]");
        assertThat(two.locator("#save-status")).containsText("已保存 ");
        two.check("#item-s1 input[value=" + key2.get("s1") + "]");
        assertThat(two.locator("#save-status")).containsText("已保存 ");
        two.context().close();
        Page twoAgain = signIn(2);
        twoAgain.click("#confirm");
        assertThat(twoAgain.locator("#item-t1 input[value=F]")).isChecked();
        assertThat(twoAgain.locator("#item-s1 input[value=" + key2.get("s1") + "]")).isChecked();
        screenshot(twoAgain, "06-candidate-resumed-on-another-pc");
        // Without consent the submit opens 15 minutes before the end (theory).
        assertThat(twoAgain.locator("#submit")).isDisabled();
        assertThat(twoAgain.locator("#submit-note")).containsText("10:15:00 起可交卷");

        // Candidate 3 answers everything right too.
        three.navigate(url("/exam"));
        answerCorrectly(three, 3);

        // Candidate 4 never came: 缺考; candidate 5 arrives at 09:30, too late.
        admin.reload();
        admin.click("#row-" + TestPackages.ticket(4) + " button");
        assertThat(admin.locator("#row-" + TestPackages.ticket(4) + " .status")).hasText("缺考");
        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(30)));
        Page late = newPc();
        late.navigate(url("/"));
        late.fill("#ticketNumber", TestPackages.ticket(5));
        late.fill("#password", TestPackages.password(5));
        late.click("button[type=submit]");
        assertThat(late.locator(".error")).containsText("开考 30 分钟后禁止入场");
        screenshot(late, "07-late-candidate-refused");
        admin.reload();
        admin.click("#row-" + TestPackages.ticket(5) + " button");
        assertThat(admin.locator("#row-" + TestPackages.ticket(1) + " .status")).hasText("已交卷");

        // Room 101 loses 5 minutes to a power cut: extension decided by the chief examiner and the patrol.
        admin.click("#room-101 details:has(form.extend) summary");
        admin.fill("#room-101 form.extend input[name=minutes]", "5");
        admin.fill("#room-101 form.extend input[name=reason]", "停电 5 分钟");
        admin.fill("#room-101 form.extend input[name=chiefExaminer]", "王主考");
        admin.click("#room-101 form.extend button");
        assertThat(admin.locator(".error")).containsText("巡考姓名：");
        admin.click("#room-101 details:has(form.extend) summary");
        admin.fill("#room-101 form.extend input[name=minutes]", "5");
        admin.fill("#room-101 form.extend input[name=reason]", "停电 5 分钟");
        admin.fill("#room-101 form.extend input[name=chiefExaminer]", "王主考");
        admin.fill("#room-101 form.extend input[name=patrol]", "李巡考");
        admin.click("#room-101 form.extend button");
        assertThat(admin.locator(".message")).containsText("全体考生 延时 5 分钟已记录");
        assertThat(admin.locator("#row-" + TestPackages.ticket(3) + " .end")).containsText("10:35");
        assertThat(admin.locator("#row-" + TestPackages.ticket(3) + " .end")).containsText("延时 5 分钟");
        // Candidate 3 gets a warning, signed by the candidate.
        admin.click("#room-101 details:has(form.incident) summary");
        admin.selectOption("#room-101 form.incident select[name=ticketNumber]", TestPackages.ticket(3));
        admin.selectOption("#room-101 form.incident select[name=kind]", "WARNING");
        admin.fill("#room-101 form.incident textarea[name=description]", "与邻座交头接耳，已口头警告");
        admin.check("#room-101 form.incident input[name=candidateSigned]");
        admin.click("#room-101 form.incident button");
        assertThat(admin.locator(".message")).containsText("警告已记录");
        assertThat(admin.locator("#room-101 .incident-record")).containsText("与邻座交头接耳");
        assertThat(admin.locator("#room-101 .extension-record")).containsText("主考 王主考，巡考 李巡考");
        screenshot(admin, "08a-proctor-extension-and-warning");
        // The candidate's countdown counts to the extended end: 65 minutes left at +30.
        three.navigate(url("/exam"));
        assertThat(three.locator("#countdown")).hasText(Pattern.compile("01:0[45]:\\d\\d"));

        // Ten minutes before the end both may submit.
        clock.set(TestPackages.SLOT_END.minus(Duration.ofMinutes(10)));
        twoAgain.reload();
        submit(twoAgain);
        assertThat(twoAgain.locator("#receipt")).isVisible();
        three.reload();
        submit(three);
        assertThat(three.locator("#receipt")).isVisible();
        admin.reload();
        admin.waitForFunction("() => Array.from(document.querySelectorAll('img.thumb'))"
                + ".every(img => img.complete && img.naturalWidth > 0)");
        screenshot(admin, "08-proctor-sign-in-list");

        // Candidate 2 appeals: the panel is published (a member of the site's own college refused), the signed appeal
        // taken with its scan, the panel's decision recorded and signed for; the public page shows the panel.
        admin.click("#appeals details:has(form.panel) summary");
        admin.fill("#appeals form.panel input[name=siteCollege]", "南京某职业技术学院");
        String[][] members = { { "甲仲裁", "甲单位" }, { "乙仲裁", "南京某职业技术学院" }, { "丙仲裁", "丙单位" } };
        for (int i = 0; i < members.length; i++) {
            admin.locator("#appeals form.panel input[name=name]").nth(i).fill(members[i][0]);
            admin.locator("#appeals form.panel input[name=organisation]").nth(i).fill(members[i][1]);
        }
        admin.fill("#appeals form.panel input[name=recordedBy]", "周考务");
        admin.click("#appeals form.panel button");
        assertThat(admin.locator(".error")).containsText("乙仲裁");
        admin.click("#appeals details:has(form.panel) summary");
        admin.fill("#appeals form.panel input[name=siteCollege]", "南京某职业技术学院");
        members[1][1] = "乙单位";
        for (int i = 0; i < members.length; i++) {
            admin.locator("#appeals form.panel input[name=name]").nth(i).fill(members[i][0]);
            admin.locator("#appeals form.panel input[name=organisation]").nth(i).fill(members[i][1]);
        }
        admin.fill("#appeals form.panel input[name=recordedBy]", "周考务");
        admin.click("#appeals form.panel button");
        assertThat(admin.locator(".message")).containsText("仲裁组已公布（3 人）");
        clock.set(TestPackages.SLOT_END.plus(Duration.ofMinutes(30)));
        admin.reload();
        admin.click("#appeals details:has(form.record-appeal) summary");
        admin.selectOption("#appeals form.record-appeal select[name=ticketNumber]", TestPackages.ticket(2));
        admin.fill("#appeals form.record-appeal textarea[name=text]", "第 2 题题干有歧义，请求复核。");
        admin.setInputFiles("#appeals form.record-appeal input[name=signature]",
                new com.microsoft.playwright.options.FilePayload("申诉书.jpg", "image/jpeg", TestPackages.photo(2)));
        admin.fill("#appeals form.record-appeal input[name=recordedBy]", "周考务");
        admin.click("#appeals form.record-appeal button");
        assertThat(admin.locator(".message")).containsText("已受理考生 " + TestPackages.ticket(2) + " 的申诉");
        admin.click("#appeals .appeal details:has(form.decide) summary");
        admin.selectOption("#appeals form.decide select[name=outcome]", "MAINTAINED");
        admin.fill("#appeals form.decide textarea[name=text]", "经仲裁组复核，题干表述无歧义，维持原题。");
        admin.fill("#appeals form.decide input[name=decidedBy]", "甲仲裁、丙仲裁");
        admin.fill("#appeals form.decide input[name=agreedAt]", "2026-06-13T11:30");
        admin.fill("#appeals form.decide input[name=recordedBy]", "周考务");
        admin.click("#appeals form.decide button");
        assertThat(admin.locator(".message")).containsText("仲裁结果已记录");
        admin.fill("#appeals form.signed-for input[name=recordedBy]", "周考务");
        admin.click("#appeals form.signed-for button");
        assertThat(admin.locator(".message")).containsText("已由申诉人签收");
        assertThat(admin.locator("#appeals .appeal-state").first()).hasText("已签收");
        screenshot(admin, "08b-appeal-decided");
        Page board = newPc();
        board.navigate(url("/arbitration"));
        assertThat(board.locator("body")).containsText("甲仲裁");
        assertThat(board.locator("body")).containsText("丙单位");

        Download download = admin.waitForDownload(() -> admin.click("#export"));
        Path result = Path.of("target", "screenshots", "result.kwres");
        download.saveAs(result);
        var verified = ResultPackageVerifier.verify(result, TestPackages.SITE_CODE, keys.publicKey(),
                new ResultReplayGuard() {
                    @Override
                    public boolean alreadyAccepted(String resultPackageId) {
                        return false;
                    }

                    @Override
                    public long highestSequence(String examPackageId) {
                        return 0;
                    }
                });
        List<CandidateResult> results = verified.readCandidates();
        assertThat(results).hasSize(5);
        assertThat(results.get(0).objectiveScore()).isEqualByComparingTo("9");
        assertThat(results.get(1).objectiveScore()).isEqualByComparingTo("2");
        assertThat(results.get(2).objectiveScore()).isEqualByComparingTo("9");
        assertThat(results.get(0).receipt().shortForm()).isEqualTo(sittings
                .view(new CandidateRef(PACKAGE, TestPackages.ticket(1))).receiptShortForm());
    }

    private Page signIn(int n) {
        Page page = newPc();
        page.navigate(url("/"));
        page.fill("#ticketNumber", TestPackages.ticket(n));
        page.fill("#password", TestPackages.password(n));
        page.click("button[type=submit]");
        assertThat(page.locator("#name")).hasText(TestPackages.NAMES.get(n - 1));
        return page;
    }

    private void answerCorrectly(Page page, int n) {
        Map<String, String> key = correctLabels(n);
        for (Map.Entry<String, String> entry : key.entrySet()) {
            for (String label : entry.getValue().split(",")) {
                page.check("#item-" + entry.getKey() + " input[value=" + label + "]");
                assertThat(page.locator("#save-status")).containsText("已保存 ");
            }
        }
    }

    private static void submit(Page page) {
        page.onceDialog(dialog -> dialog.accept());
        page.click("#submit");
        page.waitForURL("**/exam/done");
    }

    private Map<String, String> correctLabels(int n) {
        SittingView view = sittings.view(new CandidateRef(PACKAGE, TestPackages.ticket(n)));
        return cn.kaowu.examsite.exam.SittingIntegrationTestAccess.correctLabels(view);
    }
}
