package cn.kaowu.examsite.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.Receipt;
import cn.kaowu.exampackage.ResultPackageVerifier;
import cn.kaowu.exampackage.ResultReplayGuard;
import cn.kaowu.examsite.MutableClock;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.SiteIntegrationTest;
import cn.kaowu.examsite.TestPackages;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.result.ResultExports;
import cn.kaowu.examsite.setup.SiteKeys;
import cn.kaowu.examsite.setup.SiteSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One package per test (ids differ), opened at T-30; candidates 1..5. */
@SiteIntegrationTest
class SittingIntegrationTest {

    @Autowired
    ExamPackages packages;
    @Autowired
    SiteSettings settings;
    @Autowired
    SiteKeys keys;
    @Autowired
    Sittings sittings;
    @Autowired
    ResultExports exports;
    @Autowired
    MutableClock clock;

    static int sequence;
    String packageId;
    int base;

    /** Candidate n (1..5) of this test's package: tickets differ between packages, as in real plans. */
    String t(int n) {
        return TestPackages.ticket(base + n);
    }

    String pw(int n) {
        return TestPackages.password(base + n);
    }

    @BeforeEach
    void openPackage() throws IOException {
        settings.configure(TestPackages.SITE_CODE, TestPackages.platformPublicKeyPem());
        packageId = "PKG-SIT-" + (++sequence);
        base = sequence * 10;
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "packages");
        var built = TestPackages.build(work, packageId, TestPackages.SITE_CODE, keys.publicKey(), base + 1, 5);
        clock.set(TestPackages.SLOT_START.minus(Duration.ofMinutes(30)));
        try (InputStream in = Files.newInputStream(built.file())) {
            packages.importPackage(in);
        }
        packages.openWithReleaseKey(packageId, built.releaseKeyBase64());
    }

    @Test
    void practicalWorkIsStoredReplacedAndCarriedInTheResultPackage() {
        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(5)));
        CandidateRef one = sittings.signIn(t(1), pw(1));
        assertThatThrownBy(() -> sittings.savePracticalWork(one, "s1", "a.zip", new byte[10]))
                .isInstanceOf(Refusal.class).hasMessageContaining("没有这道实操题");
        assertThatThrownBy(() -> sittings.savePracticalWork(one, "p1", "a.zip", new byte[0]))
                .isInstanceOf(Refusal.class).hasMessageContaining("空的");
        assertThatThrownBy(() -> sittings.savePracticalWork(one, "p1", "a.zip", new byte[Sittings.MAX_WORK_BYTES + 1]))
                .isInstanceOf(Refusal.class).hasMessageContaining("不能超过 50 MB");
        sittings.savePracticalWork(one, "p1", "first.zip", new byte[] { 1 });
        sittings.savePracticalWork(one, "p1", "C:\\Users\\考生\\..\\作品\u0007.zip", new byte[] { 1, 2, 3 });
        assertThat(sittings.view(one).sections().stream().flatMap(s -> s.items().stream())
                .filter(i -> i.itemId().equals("p1")).findFirst().orElseThrow().work()).isEqualTo("作品.zip（1 KB）");
        assertThat(Sittings.workFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Sittings.workFileName("..")).isEqualTo("作品");

        clock.set(TestPackages.SLOT_END.plusSeconds(1));
        assertThatThrownBy(() -> sittings.savePracticalWork(one, "p1", "late.zip", new byte[] { 9 }))
                .isInstanceOf(Refusal.class).hasMessageContaining("考试时间已到");
        clock.set(TestPackages.SLOT_END.plusSeconds(60));
        ResultExports.Export export = exports.build(packageId);
        CandidateResult result = ResultPackageVerifier.verify(export.file(), TestPackages.SITE_CODE, keys.publicKey(),
                new ResultReplayGuard() {
                    @Override
                    public boolean alreadyAccepted(String resultPackageId) {
                        return false;
                    }

                    @Override
                    public long highestSequence(String examPackageId) {
                        return 0;
                    }
                }).readCandidates().stream().filter(r -> r.ticketNumber().equals(t(1))).findFirst().orElseThrow();
        assertThat(result.uploads()).singleElement().satisfies(u -> {
            assertThat(u.itemId()).isEqualTo("p1");
            assertThat(u.fileName()).isEqualTo("作品.zip");
            assertThat(u.content()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void signInNeedsTheLastSixDigitsOfTheTicket() {
        assertThatThrownBy(() -> sittings.signIn(t(1), "000000")).isInstanceOf(Refusal.class)
                .hasMessageContaining("准考证号或密码错误");
        assertThatThrownBy(() -> sittings.signIn("999999999999999", "999999")).isInstanceOf(Refusal.class)
                .hasMessageContaining("准考证号或密码错误");

        CandidateRef ref = sittings.signIn(t(1), pw(1));

        assertThat(ref).isEqualTo(new CandidateRef(packageId, t(1)));
        assertThat(sittings.view(ref).status()).isEqualTo(CandidateStatus.ANSWERING);
    }

    @Test
    void entryClosesExactlyThirtyMinutesAfterTheStartButASignedInCandidateMayComeBack() {
        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(30)).minusSeconds(1));
        CandidateRef early = sittings.signIn(t(1), pw(1));

        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> sittings.signIn(t(2), pw(2)))
                .isInstanceOf(Refusal.class).hasMessageContaining("开考 30 分钟后禁止入场")
                .hasMessageContaining("09:30 停止入场");

        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(50)));
        assertThat(sittings.signIn(t(1), pw(1))).isEqualTo(early);
    }

    @Test
    void anAbsentCandidateCannotSignIn() {
        sittings.markAbsent(packageId, t(3));

        assertThatThrownBy(() -> sittings.signIn(t(3), pw(3)))
                .isInstanceOf(Refusal.class).hasMessageContaining("缺考");
        CandidateRef ref = sittings.signIn(t(4), pw(4));
        assertThatThrownBy(() -> sittings.markAbsent(packageId, ref.ticketNumber())).isInstanceOf(Refusal.class);
    }

    @Test
    void answersAreSavedAndASecondSignInResumesTheSamePaperWithThem() {
        CandidateRef ref = sittings.signIn(t(1), pw(1));
        SittingView first = sittings.view(ref);
        Map<String, String> labels = correctLabels(first);

        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(5)));
        sittings.save(ref, Map.of("s1", List.of(labels.get("s1")), "m1", List.of(labels.get("m1").split(","))));
        sittings.save(ref, Map.of("t1", List.of("F")));
        sittings.save(ref, Map.of("t1", List.of("T")));

        // another PC, later
        clock.set(TestPackages.SLOT_START.plus(Duration.ofMinutes(40)));
        SittingView resumed = sittings.view(sittings.signIn(t(1), pw(1)));

        assertThat(itemOrder(resumed)).isEqualTo(itemOrder(first));
        assertThat(chosen(resumed)).containsEntry("s1", labels.get("s1")).containsEntry("m1", labels.get("m1"))
                .containsEntry("t1", "T").doesNotContainKey("s2");
    }

    @Test
    void neighboursGetDifferentOrdersOfTheSameItems() {
        boolean anyDifference = false;
        SittingView one = sittings.view(sittings.signIn(t(1), pw(1)));
        for (int n = 2; n <= 5; n++) {
            SittingView other = sittings.view(sittings.signIn(t(n), pw(n)));
            anyDifference |= !optionOrder(other).equals(optionOrder(one)) || !itemOrder(other).equals(itemOrder(one));
        }
        assertThat(anyDifference).isTrue();
    }

    @Test
    void nothingIsSavedBeforeTheStart() {
        CandidateRef ref = sittings.signIn(t(1), pw(1));
        assertThatThrownBy(() -> sittings.save(ref, Map.of("t1", List.of("T")))).isInstanceOf(Refusal.class)
                .hasMessageContaining("考试尚未开始");
        clock.set(TestPackages.SLOT_START);
        sittings.save(ref, Map.of("t1", List.of("T")));
        assertThat(chosen(sittings.view(ref))).containsEntry("t1", "T");
    }

    @Test
    void invalidAnswersAreRefused() {
        CandidateRef ref = sittings.signIn(t(1), pw(1));
        clock.set(TestPackages.SLOT_START);
        assertThatThrownBy(() -> sittings.save(ref, Map.of("nope", List.of("A")))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> sittings.save(ref, Map.of("s1", List.of("A", "B")))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> sittings.save(ref, Map.of("t1", List.of("A")))).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> sittings.save(ref, Map.of("p1", List.of("A")))).isInstanceOf(Refusal.class);
    }

    @Test
    void submitGradesSingleMultipleAndTrueFalseItemsAndFreezesTheAnswers() {
        CandidateRef right = sittings.signIn(t(1), pw(1));
        CandidateRef partly = sittings.signIn(t(2), pw(2));
        CandidateRef blank = sittings.signIn(t(3), pw(3));
        Map<String, String> key = correctLabels(sittings.view(right));
        clock.set(TestPackages.SLOT_END.minus(Duration.ofMinutes(15))); // theory: submit from the last 15 minutes
        Receipt receipt = sittings.submit(right, Map.of("s1", List.of(key.get("s1")), "s2", List.of(key.get("s2")),
                "m1", List.of(key.get("m1").split(",")), "t1", List.of("T")));

        SittingView done = sittings.view(right);
        assertThat(done.status()).isEqualTo(CandidateStatus.SUBMITTED);
        assertThat(done.objectiveScore()).isEqualByComparingTo("9"); // 2 + 2 + 4 + 1; the practical task is not graded here
        assertThat(done.receiptShortForm()).isEqualTo(receipt.shortForm());
        assertThatThrownBy(() -> sittings.save(right, Map.of("t1", List.of("F")))).isInstanceOf(Refusal.class)
                .hasMessageContaining("已交卷");
        assertThatThrownBy(() -> sittings.signIn(t(1), pw(1)))
                .isInstanceOf(Refusal.class).hasMessageContaining("已交卷");

        // multiple choice is all-or-nothing; a wrong true/false gives 0
        Map<String, String> key2 = correctLabels(sittings.view(partly));
        sittings.submit(partly, Map.of("s1", List.of(key2.get("s1")), "m1", List.of(key2.get("m1").split(",")[0]),
                "t1", List.of("F")));
        assertThat(sittings.view(partly).objectiveScore()).isEqualByComparingTo("2");

        sittings.submit(blank, Map.of());
        assertThat(sittings.view(blank).objectiveScore()).isEqualByComparingTo("0");
    }

    @Test
    void theResultPackageIsSignedWithTheSiteKeyAndCarriesWhatWasSubmitted() {
        CandidateRef one = sittings.signIn(t(1), pw(1));
        CandidateRef two = sittings.signIn(t(2), pw(2));
        Map<String, String> key = correctLabels(sittings.view(one));
        clock.set(TestPackages.SLOT_END.minus(Duration.ofMinutes(10)));
        Receipt receipt = sittings.submit(one, Map.of("s1", List.of(key.get("s1")), "t1", List.of("T")));
        sittings.save(two, Map.of("t1", List.of("F")));
        sittings.markAbsent(packageId, t(3));

        assertThatThrownBy(() -> exports.build(packageId)).isInstanceOf(Refusal.class)
                .hasMessageContaining("尚未结束");

        clock.set(TestPackages.SLOT_END.plusSeconds(60));
        ResultExports.Export export = exports.build(packageId);

        ResultPackageVerifier verified = ResultPackageVerifier.verify(export.file(), TestPackages.SITE_CODE,
                keys.publicKey(), new ResultReplayGuard() {
                    @Override
                    public boolean alreadyAccepted(String resultPackageId) {
                        return false;
                    }

                    @Override
                    public long highestSequence(String examPackageId) {
                        return 0;
                    }
                });
        assertThat(verified.header().examPackageId()).isEqualTo(packageId);
        assertThat(verified.header().sequence()).isEqualTo(1);
        assertThat(verified.chainHead()).isEqualTo(export.chainHead());
        Map<String, CandidateResult> results = verified.readCandidates().stream()
                .collect(Collectors.toMap(CandidateResult::ticketNumber, r -> r));
        assertThat(results).hasSize(5);
        CandidateResult first = results.get(t(1));
        assertThat(first.receipt()).isEqualTo(receipt);
        assertThat(first.answers()).containsEntry("s1", "A").containsEntry("t1", "T"); // the bank's option keys
        assertThat(first.objectiveScore()).isEqualByComparingTo("3");
        // still answering at the end: submitted with the saved answers at the end of the slot
        CandidateResult second = results.get(t(2));
        assertThat(second.submittedAt()).isEqualTo(TestPackages.SLOT_END);
        assertThat(second.answers()).containsEntry("t1", "F");
        CandidateResult absent = results.get(t(3));
        assertThat(absent.signedInAt()).isNull();
        assertThat(absent.answers()).isEmpty();

        assertThat(exports.build(packageId).sequence()).isEqualTo(2);
    }

    /** item id → the display labels of the correct options on this candidate's paper, e.g. "B" or "A,D". */
    static Map<String, String> correctLabels(SittingView view) {
        Map<String, String> bank = Map.of("s1", "pwd", "s2", "80", "m1", "PostgreSQL,MySQL", "t1", "正确");
        Map<String, String> labels = new HashMap<>();
        for (SittingView.Section section : view.sections()) {
            for (SittingView.Item item : section.items()) {
                if (item.practical()) {
                    continue;
                }
                List<String> texts = List.of(bank.get(item.itemId()).split(","));
                labels.put(item.itemId(), item.options().stream().filter(o -> texts.contains(o.text()))
                        .map(SittingView.Option::label).sorted().collect(Collectors.joining(",")));
            }
        }
        return labels;
    }

    static List<String> itemOrder(SittingView view) {
        return view.sections().stream().flatMap(s -> s.items().stream()).map(SittingView.Item::itemId).toList();
    }

    static List<String> optionOrder(SittingView view) {
        return view.sections().stream().flatMap(s -> s.items().stream())
                .flatMap(i -> i.options().stream().map(SittingView.Option::text)).toList();
    }

    static Map<String, String> chosen(SittingView view) {
        Map<String, String> chosen = new HashMap<>();
        view.sections().stream().flatMap(s -> s.items().stream()).filter(i -> !i.chosen().isEmpty())
                .forEach(i -> chosen.put(i.itemId(), i.chosen().stream().sorted().collect(Collectors.joining(","))));
        return chosen;
    }

}
