package cn.kaowu.examsite.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.result.ResultExports;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 申诉与仲裁 over HTTP: the panel (size and own-college refusals, the public page without login), appeals recorded
 * with a scanned signature inside the window (2:00:00 after the end accepted, 2:00:01 refused), a decision by a
 * majority of the panel and the receipt, a withdrawal, absence at the agreed time, and the appeals with the panel in
 * the result package's room reports. Package: candidates 901–903 in room 101, 904–905 in room 102.
 */
@SiteIntegrationTest
class AppealHttpIntegrationTest {

    static final Instant START = TestPackages.SLOT_START;
    static final Instant END = TestPackages.SLOT_END;
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

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
    ResultExports exports;

    @Test
    void panelAppealsDecisionsAndTheResultPackage() throws Exception {
        String pkg = "PKG-APPEAL";
        settings.configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
        var built = TestPackages.build(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "pkg"),
                pkg, TestPackages.SITE_CODE, keys.publicKey(), 901, 5, START, END, SubjectKind.THEORY);
        clock.set(START.minus(Duration.ofMinutes(30)));
        try (InputStream in = Files.newInputStream(built.file())) {
            packages.importPackage(in);
        }
        packages.openWithReleaseKey(pkg, built.releaseKeyBase64());
        String c1 = TestPackages.ticket(901);
        String c3 = TestPackages.ticket(903);
        String c4 = TestPackages.ticket(904);
        String c5 = TestPackages.ticket(905);
        HttpClient admin = admin();
        String base = "/admin/packages/" + pkg;

        // The panel: two members refused (odd), a member of the site's college refused, three accepted.
        assertThat(flash(admin, post(admin, base + "/panel", form("siteCollege", "某某职业技术学院", "recordedBy", "周考务",
                "name", "甲仲裁", "organisation", "甲单位", "name", "乙仲裁", "organisation", "乙单位"))))
                .contains("人数须为奇数").contains("现为 2 人");
        assertThat(flash(admin, post(admin, base + "/panel", form("siteCollege", "某某职业技术学院", "recordedBy", "周考务",
                "name", "甲仲裁", "organisation", "甲单位", "name", "乙仲裁", "organisation", "某某职业技术学院",
                "name", "丙仲裁", "organisation", "丙单位")))).contains("乙仲裁").contains("本站点所属院校");
        assertThat(flash(admin, post(admin, base + "/panel", form("siteCollege", "某某职业技术学院", "recordedBy", "周考务",
                "name", "甲仲裁", "organisation", "甲单位", "contact", "13800000001", "name", "乙仲裁", "organisation",
                "乙单位", "contact", "", "name", "丙仲裁", "organisation", "丙单位", "contact", "",
                "name", "", "organisation", "", "contact", "")))).contains("仲裁组已公布（3 人）");
        // Shown to everyone at the site, without a login.
        HttpResponse<String> board = get(browser(), "/arbitration");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("甲仲裁").contains("13800000001").contains("丙单位");
        assertThat(get(browser(), "/arbitration?lang=en").body()).contains("Arbitration panel");

        // Before the start no appeal; a file that is not an image is refused; a written, signed appeal is taken.
        clock.set(START.minusSeconds(1));
        assertThat(flash(admin, appeal(admin, pkg, c1, "第 3 题题干有误", PNG))).contains("考核开始后才能受理");
        clock.set(END.plus(Duration.ofMinutes(20)));
        assertThat(flash(admin, appeal(admin, pkg, c1, "第 3 题题干有误", "%PDF-1.7".getBytes())))
                .contains("只接受 JPEG 或 PNG");
        assertThat(flash(admin, appeal(admin, pkg, c1, "", PNG))).contains("申诉内容：必填");
        assertThat(flash(admin, appeal(admin, pkg, c1, "第 3 题题干有误", PNG))).contains("已受理考生 " + c1);

        // The window: 2:00:00 after the end accepted, 2:00:01 refused.
        clock.set(END.plus(Duration.ofHours(2)));
        assertThat(flash(admin, appeal(admin, pkg, c3, "监考员提前收卷", PNG))).contains("已受理考生 " + c3);
        clock.set(END.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(flash(admin, appeal(admin, pkg, c5, "太晚了", PNG))).contains("已超过考核结束后 2 小时");
        clock.set(END.plus(Duration.ofMinutes(40)));
        assertThat(flash(admin, appeal(admin, pkg, c4, "机器故障未延时", PNG))).contains("已受理考生 " + c4);

        List<Long> ids = appealIds(pkg);
        assertThat(ids).hasSize(3);
        long a1 = ids.get(0);
        long a3 = ids.get(1);
        long a4 = ids.get(2);

        // The scanned signature as it was uploaded, behind the login.
        HttpResponse<byte[]> image = admin.send(HttpRequest.newBuilder(uri(base + "/appeals/" + a1 + "/signature"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(PNG);
        assertThat(get(browser(), base + "/appeals/" + a1 + "/signature").statusCode()).isEqualTo(302);

        // Decision on appeal 1: one member is not a majority; two decide, the appellant signs for it.
        String agreed = END.plus(Duration.ofHours(3)).atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime().toString();
        clock.set(END.plus(Duration.ofMinutes(50)));
        assertThat(flash(admin, decide(admin, pkg, a1, "甲仲裁", agreed))).contains("至少 2 名");
        assertThat(flash(admin, decide(admin, pkg, a1, "甲仲裁、外人", agreed))).contains("外人 不是仲裁组成员");
        assertThat(flash(admin, decide(admin, pkg, a1, "甲仲裁、乙仲裁", agreed))).contains("仲裁结果已记录");
        assertThat(flash(admin, post(admin, base + "/appeals/" + a1 + "/withdrawal", form("reason", "不想等了",
                "recordedBy", "周考务")))).contains("当前为已决定");
        assertThat(flash(admin, post(admin, base + "/appeals/" + a1 + "/signed-for", form("recordedBy", "周考务"))))
                .contains("已由申诉人签收");

        // Appeal 3 is withdrawn before a decision; no decision afterwards.
        assertThat(flash(admin, post(admin, base + "/appeals/" + a3 + "/withdrawal", form("reason", "",
                "recordedBy", "周考务")))).contains("放弃原因：必填");
        assertThat(flash(admin, post(admin, base + "/appeals/" + a3 + "/withdrawal", form("reason", "考生自愿放弃",
                "recordedBy", "周考务")))).contains("已放弃");
        assertThat(flash(admin, decide(admin, pkg, a3, "甲仲裁、乙仲裁", agreed))).contains("当前为已撤回");

        // Appeal 4: decided late (more than 2 h after it was recorded), the appellant does not come.
        clock.set(END.plus(Duration.ofMinutes(40 + 121)));
        assertThat(flash(admin, decide(admin, pkg, a4, "甲仲裁、乙仲裁、丙仲裁", agreed))).contains("仲裁结果已记录");
        assertThat(flash(admin, post(admin, base + "/appeals/" + a4 + "/absent", form("recordedBy", "周考务"))))
                .contains("约定签收时间尚未到");
        clock.set(END.plus(Duration.ofHours(3)).plusSeconds(1));
        assertThat(flash(admin, post(admin, base + "/appeals/" + a4 + "/absent", form("recordedBy", "周考务"))))
                .contains("视为放弃申诉");

        String page = get(admin, base).body();
        assertThat(page).contains("已签收").contains("已撤回").contains("逾期").contains("第 3 题题干有误");
        assertThat(get(admin, base + "?lang=en").body()).contains("Appeals and arbitration").contains("Signed for")
                .contains("Withdrawn").contains("Late");

        // Everything travels in the result package: the panel in every room, each appeal in its candidate's room.
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
        Map<String, RoomReport> rooms = verified.readRoomReports().stream()
                .collect(Collectors.toMap(RoomReport::roomCode, r -> r));
        assertThat(rooms.get("101").panel().members()).extracting(RoomReport.PanelMember::name)
                .containsExactly("甲仲裁", "乙仲裁", "丙仲裁");
        assertThat(rooms.get("102").panel().siteCollege()).isEqualTo("某某职业技术学院");
        assertThat(rooms.get("101").appeals()).extracting(a -> a.ticketNumber() + " " + a.state())
                .containsExactly(c1 + " SIGNED_FOR", c3 + " WITHDRAWN");
        RoomReport.Appeal first = rooms.get("101").appeals().getFirst();
        assertThat(first.signature()).isEqualTo(PNG);
        assertThat(first.dueAt()).isEqualTo(END.plus(Duration.ofMinutes(20)).plus(Duration.ofHours(2)));
        assertThat(first.decision().orElseThrow().decidedBy()).containsExactly("甲仲裁", "乙仲裁");
        assertThat(first.lateAt(clock.instant())).isFalse();
        RoomReport.Appeal fourth = rooms.get("102").appeals().getFirst();
        assertThat(fourth.events()).extracting(RoomReport.AppealEvent::kind)
                .containsExactly(RoomReport.AppealEventKind.DECIDED, RoomReport.AppealEventKind.ABSENT);
        assertThat(fourth.state()).isEqualTo(RoomReport.AppealState.WITHDRAWN);
        assertThat(fourth.lateAt(clock.instant())).isTrue();
    }

    @Autowired
    Appeals appeals;

    private List<Long> appealIds(String pkg) {
        return appeals.list(pkg).stream().map(RoomReport.Appeal::id).toList();
    }

    private HttpResponse<String> decide(HttpClient admin, String pkg, long id, String deciders, String agreedAt)
            throws Exception {
        return post(admin, "/admin/packages/" + pkg + "/appeals/" + id + "/decision", form("outcome", "MAINTAINED",
                "text", "经复核，试题无误，维持原评分。", "decidedBy", deciders, "agreedAt", agreedAt, "recordedBy", "周考务"));
    }

    private HttpResponse<String> appeal(HttpClient admin, String pkg, String ticket, String text, byte[] signature)
            throws Exception {
        String boundary = "----kaowu" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var field : Map.of("ticketNumber", ticket, "text", text, "recordedBy", "周考务").entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"signature\"; filename=\"scan.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(signature);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return admin.send(HttpRequest.newBuilder(uri("/admin/packages/" + pkg + "/appeals"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

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

    /** Pairs; a name may repeat (the panel's rows). */
    private static List<Map.Entry<String, String>> form(String... pairs) {
        List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(Map.entry(pairs[i], pairs[i + 1]));
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

    private HttpResponse<String> post(HttpClient client, String path, List<Map.Entry<String, String>> form)
            throws Exception {
        String body = form.stream()
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
