package cn.kaowu.examsite.proctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ExtensionApproval;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.exam.CandidateRef;
import cn.kaowu.examsite.exam.CandidateStatus;
import cn.kaowu.examsite.exam.ProctorRow;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.result.ResultExports;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The proctor console over HTTP: extensions of a room and of a candidate (names up to 15 minutes, the ORG's code
 * beyond), a disqualification that ends the sitting, early leave with and without the chief examiner's consent, the
 * seal, and the room reports in the result package. Package 1: candidates 1–3 in room 101, 4–5 in room 102.
 */
@SiteIntegrationTest
class ProctorHttpIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ExamPackages packages;
    @Autowired
    SiteSettings settings;
    @Autowired
    SiteKeys keys;
    @Autowired
    MutableClock clock;
    @Autowired
    Sittings sittings;
    @Autowired
    ResultExports exports;

    static final Instant START = TestPackages.SLOT_START;
    static final Instant END = TestPackages.SLOT_END;

    TestPackages.Built open(String packageId, int first, SubjectKind kind) throws Exception {
        settings.configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
        var built = TestPackages.build(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pkg"),
                packageId, TestPackages.SITE_CODE, keys.publicKey(), first, 5, START, END, kind);
        clock.set(START.minus(Duration.ofMinutes(30)));
        try (InputStream in = Files.newInputStream(built.file())) {
            packages.importPackage(in);
        }
        packages.openWithReleaseKey(packageId, built.releaseKeyBase64());
        return built;
    }

    @Test
    void extensionsIncidentsEarlyLeaveAndSealEndUpInTheRoomReports() throws Exception {
        String pkg = "PKG-PROCTOR";
        var built = open(pkg, 701, SubjectKind.THEORY);
        String c1 = TestPackages.ticket(701);
        String c2 = TestPackages.ticket(702);
        String c3 = TestPackages.ticket(703);
        String c4 = TestPackages.ticket(704);
        HttpClient admin = admin();
        clock.set(START.plus(Duration.ofMinutes(5)));
        HttpClient one = candidate(701);
        HttpClient two = candidate(702);
        HttpClient three = candidate(703);
        HttpClient four = candidate(704);

        // The sign-in list groups by room, seat order; the page shows both rooms.
        assertThat(sittings.signInList(pkg)).extracting(r -> r.roomCode() + "/" + r.seatNumber())
                .containsExactly("101/1", "101/2", "101/3", "102/1", "102/2");
        String page = get(admin, "/admin/packages/" + pkg).body();
        assertThat(page).contains("考场 101（3 人）").contains("考场 102（2 人）").contains("理论");

        // 延时 of room 101, 10 minutes, decided by the chief examiner and the patrol: all three of 101, not 102.
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/extensions", form("roomCode", "101",
                "ticketNumber", "", "minutes", "10", "reason", "停电", "chiefExaminer", "王主考", "patrol", ""))))
                .contains("巡考姓名：");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/extensions", form("roomCode", "101",
                "ticketNumber", "", "minutes", "10", "reason", "停电", "chiefExaminer", "王主考", "patrol", "李巡考"))))
                .contains("延时 10 分钟已记录");
        assertThat(end(pkg, c1)).isEqualTo(END.plus(Duration.ofMinutes(10)));
        assertThat(end(pkg, c3)).isEqualTo(END.plus(Duration.ofMinutes(10)));
        assertThat(end(pkg, c4)).isEqualTo(END);
        assertThat(post(one, "/exam/save", form("q.t1", "T")).body()).contains("\"endsAt\":"
                + END.plus(Duration.ofMinutes(10)).toEpochMilli());

        // Candidate 1: 5 more make 15 in total (names suffice); one more makes 16, which needs the ORG's code.
        assertThat(flash(admin, extend(admin, pkg, "101", c1, 5, "王主考", "李巡考", ""))).contains("累计 15 分钟");
        assertThat(flash(admin, extend(admin, pkg, "101", c1, 1, "王主考", "李巡考", "")))
                .contains("延时审批码：").contains("累计延时 16 分钟").contains("ticket:" + c1);
        byte[] key = ExtensionApproval.siteKey(built.releaseKey(), pkg);
        String wrongTotal = ExtensionApproval.code(key, pkg, "ticket:" + c1, 17);
        assertThat(flash(admin, extend(admin, pkg, "101", c1, 1, "", "", wrongTotal))).contains("延时审批码不符");
        assertThat(flash(admin, extend(admin, pkg, "101", c1, 1, "", "", ExtensionApproval.code(key, pkg,
                "ticket:" + c1, 16)))).contains("累计 16 分钟，培训评价组织审批");
        assertThat(end(pkg, c1)).isEqualTo(END.plus(Duration.ofMinutes(16)));

        // Candidate 2 saves, then is disqualified (refusing to sign: the invigilators sign): the sitting ends.
        assertThat(post(two, "/exam/save", form("q.t1", "F")).statusCode()).isEqualTo(200);
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/incidents", form("roomCode", "101",
                "ticketNumber", c2, "kind", "DISQUALIFICATION", "description", "夹带资料，拒绝签字", "invigilators", ""))))
                .contains("在场监考员签字：");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/incidents", form("roomCode", "101",
                "ticketNumber", c2, "kind", "DISQUALIFICATION", "description", "夹带资料，拒绝签字",
                "invigilators", "赵敏、钱进")))).contains("取消考试资格已记录");
        HttpResponse<String> refused = post(two, "/exam/save", form("q.t1", "T"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("取消本场考试资格").contains("\"disqualified\":true");
        assertThat(get(two, "/exam").body()).contains("已取消本场考试资格");
        assertThat(post(two, "/exam/submit", form()).headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/exam"));
        assertThat(status(pkg, c2)).isEqualTo(CandidateStatus.DISQUALIFIED);
        assertThatThrownBy(() -> sittings.signIn(c2, TestPackages.password(702))).isInstanceOf(Refusal.class)
                .hasMessageContaining("取消本场考试资格");
        // A warning signed by the candidate, and a note without candidate.
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/incidents", form("roomCode", "101",
                "ticketNumber", c3, "kind", "WARNING", "description", "交头接耳", "candidateSigned", "true"))))
                .contains("警告已记录");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/incidents", form("roomCode", "102",
                "ticketNumber", "", "kind", "NOTE", "description", "9:20 更换 5 号机", "invigilators", "孙立"))))
                .contains("情况记录已记录");

        // Early leave: candidate 3 at +20 is refused and told when; the chief examiner consents; then it works.
        clock.set(START.plus(Duration.ofMinutes(20)));
        HttpResponse<String> early = post(three, "/exam/submit", form("q.t1", "T"));
        assertThat(early.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/exam"));
        String paper = get(three, "/exam").body();
        assertThat(paper).contains("现在还不能交卷").contains("10:25:00 起").contains("disabled");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/candidates/" + c3 + "/early-leave",
                form("chiefExaminer", "")))).contains("主考姓名：");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/candidates/" + c3 + "/early-leave",
                form("chiefExaminer", "王主考")))).contains("提前交卷许可已记录（主考 王主考）");
        assertThat(post(three, "/exam/submit", form("q.t1", "T")).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam/done"));

        // Candidate 4 (room 102, no extension): at the end −15:01 refused, at −15:00 allowed.
        clock.set(END.minus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(post(four, "/exam/submit", form()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam"));
        clock.set(END.minus(Duration.ofMinutes(15)));
        assertThat(post(four, "/exam/submit", form()).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam/done"));

        // Seal of room 101: all four checks; once.
        Map<String, String> seal = form("roomCode", "101", "trialRun", "true", "systemChecked", "true",
                "powerAndMonitoring", "true", "signInSheetMatches", "true", "systemAdministrator", "孙管理员",
                "examStaff", "周考务");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/seals", form("roomCode", "101",
                "trialRun", "true", "systemAdministrator", "孙管理员", "examStaff", "周考务")))).contains("封场确认第 2 项");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/seals", seal))).contains("已封场确认");
        assertThat(flash(admin, post(admin, "/admin/packages/" + pkg + "/seals", seal))).contains("不能重复确认");

        // The same console in English (?lang=en): labels, room reports and keyed refusals; names and reasons as typed.
        HttpClient english = admin();
        String inEnglish = get(english, "/admin/packages/" + pkg + "?lang=en").body();
        assertThat(inEnglish).contains("Room 101 (3 candidates)").contains("Sealed ").contains("Exam room incident record")
                .contains("extension of 10 min (all candidates, 10 min in total): 停电. chief examiner 王主考, patrol examiner 李巡考")
                .contains("Disqualification (candidate " + c2 + ")").contains("invigilators present: 赵敏, 钱进")
                .contains("early hand-in allowed (candidate " + c3 + "): chief examiner 王主考").contains(">Disqualified<")
                .contains("(theory)").doesNotContain("考场情况记录");
        assertThat(flash(english, post(english, "/admin/packages/" + pkg + "/extensions", form("roomCode", "101",
                "minutes", "ten")))).contains("Minutes of extension: must be a whole number greater than 0.");

        // Candidate 1 may still save after the slot's end, within the extension; the export waits for the latest end.
        clock.set(END.plus(Duration.ofMinutes(10)));
        assertThat(post(one, "/exam/save", form("q.t1", "F")).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> exports.build(pkg)).isInstanceOf(Refusal.class).hasMessageContaining("含延时");
        clock.set(END.plus(Duration.ofMinutes(16)).plusSeconds(1));
        assertThat(post(one, "/exam/save", form("q.t1", "T")).statusCode()).isEqualTo(409);
        var export = exports.build(pkg);

        var verified = ResultPackageVerifier.verify(export.file(), TestPackages.SITE_CODE, keys.publicKey(),
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
        Map<String, CandidateResult> results = verified.readCandidates().stream()
                .collect(Collectors.toMap(CandidateResult::ticketNumber, r -> r));
        assertThat(results.get(c1).submittedAt()).isEqualTo(END.plus(Duration.ofMinutes(16)));
        assertThat(results.get(c1).answers()).containsEntry("t1", "F");
        assertThat(results.get(c2).answers()).as("a disqualified candidate's answers are kept").containsEntry("t1", "F");
        assertThat(results.get(c2).submittedAt()).isNull();
        Map<String, RoomReport> rooms = verified.readRoomReports().stream()
                .collect(Collectors.toMap(RoomReport::roomCode, r -> r));
        assertThat(rooms).containsOnlyKeys("101", "102");
        RoomReport r101 = rooms.get("101");
        assertThat(r101.candidates()).extracting(s -> s.ticketNumber() + " " + s.outcome() + " " + s.extensionMinutes())
                .containsExactly(c1 + " SUBMITTED 16", c2 + " DISQUALIFIED 10", c3 + " SUBMITTED 10");
        assertThat(r101.extensions()).extracting(RoomReport.Extension::totalMinutes).containsExactly(10, 15, 16);
        assertThat(r101.extensions().get(2).approvalCode()).isNotNull();
        assertThat(r101.incidents()).extracting(i -> i.kind() + " " + i.candidateSigned() + " " + i.invigilators())
                .containsExactly("DISQUALIFICATION false [赵敏, 钱进]", "WARNING true []");
        assertThat(r101.earlyLeaves()).extracting(RoomReport.EarlyLeave::chiefExaminer).containsExactly("王主考");
        assertThat(r101.seal().examStaff()).isEqualTo("周考务");
        assertThat(rooms.get("102").seal()).as("export does not require the seal").isNull();
        assertThat(rooms.get("102").incidents()).singleElement().satisfies(i -> assertThat(i.ticketNumber()).isNull());
    }

    @Test
    void practiceOpensTheSubmitThirtyMinutesBeforeTheEndAndARoomExtensionNeedsACodeAboveFifteen() throws Exception {
        String pkg = "PKG-PROCTOR-PRACTICE";
        var built = open(pkg, 751, SubjectKind.PRACTICE);
        clock.set(START.plus(Duration.ofMinutes(1)));
        CandidateRef ref = sittings.signIn(TestPackages.ticket(751), TestPackages.password(751));

        clock.set(END.minus(Duration.ofMinutes(30)).minusSeconds(1));
        assertThatThrownBy(() -> sittings.submit(ref, Map.of())).isInstanceOf(Refusal.class)
                .hasMessageContaining("实操考试须在结束前 30 分钟内交卷").hasMessageContaining("10:00:00 起");
        clock.set(END.minus(Duration.ofMinutes(30)));
        assertThat(sittings.submit(ref, Map.of())).isNotNull();

        HttpClient admin = admin();
        assertThat(flash(admin, extend(admin, pkg, "101", "", 16, "王主考", "李巡考", "")))
                .contains("累计延时 16 分钟").contains("room:101");
        assertThat(flash(admin, extend(admin, pkg, "101", "", 16, "", "",
                ExtensionApproval.code(ExtensionApproval.siteKey(built.releaseKey(), pkg), pkg, "room:101", 16))))
                .contains("全体考生 延时 16 分钟已记录");
        List<ProctorRow> rows = sittings.signInList(pkg);
        assertThat(rows).filteredOn(r -> r.roomCode().equals("101"))
                .allSatisfy(r -> assertThat(r.effectiveEnd()).isEqualTo(END.plus(Duration.ofMinutes(16))));
        assertThat(rows).filteredOn(r -> r.roomCode().equals("102"))
                .allSatisfy(r -> assertThat(r.effectiveEnd()).isEqualTo(END));
    }

    private Instant end(String pkg, String ticket) {
        return sittings.signInList(pkg).stream().filter(r -> r.ticketNumber().equals(ticket)).findFirst().orElseThrow()
                .effectiveEnd();
    }

    private CandidateStatus status(String pkg, String ticket) {
        return sittings.status(new CandidateRef(pkg, ticket));
    }

    private HttpResponse<String> extend(HttpClient admin, String pkg, String room, String ticket, int minutes,
            String chief, String patrol, String code) throws Exception {
        return post(admin, "/admin/packages/" + pkg + "/extensions", form("roomCode", room, "ticketNumber", ticket,
                "minutes", String.valueOf(minutes), "reason", "机器故障", "chiefExaminer", chief, "patrol", patrol,
                "approvalCode", code));
    }

    /** The message or error shown after a proctor action's redirect. */
    private String flash(HttpClient admin, HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        String body = get(admin, URI.create(location).getPath()).body();
        int at = body.indexOf("role=\"status\"") >= 0 ? body.indexOf("role=\"status\"") : body.indexOf("role=\"alert\"");
        assertThat(at).as("a message or an error").isNotNegative();
        return body.substring(at, body.indexOf("</p>", at));
    }

    private HttpClient admin() throws Exception {
        HttpClient client = browser();
        post(client, "/admin/login", form("username", "admin", "password", "test-admin-pw"));
        return client;
    }

    private HttpClient candidate(int n) throws Exception {
        HttpClient client = browser();
        assertThat(post(client, "/login", form("ticketNumber", TestPackages.ticket(n), "password",
                TestPackages.password(n))).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/exam/confirm"));
        return client;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
