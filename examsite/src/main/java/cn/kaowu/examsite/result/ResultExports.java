package cn.kaowu.examsite.result;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.infra.SiteDataDir;
import cn.kaowu.examsite.link.PlatformLink;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.pkg.PackageSummary;
import cn.kaowu.examsite.proctor.Proctoring;
import cn.kaowu.examsite.setup.SiteKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the result package of an exam package (answers in the bank's option keys, objective scores,
 * sign-in and submit times, and one {@link RoomReport} per room), signed with the site key, after the latest
 * effective end (slot end plus extensions) or once everyone has submitted, is absent or was disqualified. Sealing
 * the rooms is recorded in the room reports but not required: the 10-minute upload deadline (000 §4.2.5) must not
 * wait for a form. Each build gets the next sequence number, so a rebuild supersedes the earlier file on the platform.
 */
@Component
public class ResultExports {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExamPackages packages;
    private final Sittings sittings;
    private final SiteKeys keys;
    private final PlatformLink link;
    private final Proctoring proctoring;
    private final Path resultDir;

    ResultExports(JdbcClient jdbc, Clock clock, ExamPackages packages, Sittings sittings, SiteKeys keys,
            PlatformLink link, SiteDataDir dataDir, Proctoring proctoring) {
        this.proctoring = proctoring;
        this.jdbc = jdbc;
        this.clock = clock;
        this.packages = packages;
        this.sittings = sittings;
        this.keys = keys;
        this.link = link;
        this.resultDir = dataDir.directory("results");
    }

    /** A built result package. */
    public record Export(String resultPackageId, long sequence, Path file, String chainHead,
            PlatformLink.Delivery delivery) {
    }

    /**
     * Sends the latest result package of the exam package to the platform again, e.g. after the link was cut: the
     * platform answers which chunks it still lacks and only those travel.
     */
    @Transactional(readOnly = true)
    public PlatformLink.Delivery resend(String packageId) {
        PackageSummary summary = packages.get(packageId);
        String fileName = jdbc.sql("select file_name from result_export where package_id = ? order by sequence desc limit 1")
                .param(packageId).query(String.class).optional()
                .orElseThrow(() -> new Refusal("还没有导出过成绩包。"));
        Path file = resultDir.resolve(fileName);
        ResultPackageHeader header = cn.kaowu.exampackage.ResultPackageVerifier.verify(file, summary.siteCode(),
                keys.publicKey(), new cn.kaowu.exampackage.ResultReplayGuard() {
                    @Override
                    public boolean alreadyAccepted(String resultPackageId) {
                        return false;
                    }

                    @Override
                    public long highestSequence(String examPackageId) {
                        return 0;
                    }
                }).header();
        return link.deliverResult(file, header);
    }

    /**
     * @throws Refusal before the end of the slot while someone is still answering or has not signed in
     */
    @Transactional
    public Export build(String packageId) {
        PackageSummary summary = packages.get(packageId);
        Instant now = clock.instant();
        if (!summary.opened()) {
            throw new Refusal("考试包尚未解密，没有成绩可导出。");
        }
        Instant end = sittings.latestEnd(packageId);
        if (!now.isAfter(end) && !sittings.allDone(packageId)) {
            throw new Refusal("考试尚未结束（" + (end.equals(summary.slotEnd()) ? "" : "含延时，")
                    + "最晚 " + TIME.format(end) + " 结束），且仍有考生未交卷（未登录的考生请先记为缺考）。");
        }
        long sequence = jdbc.sql("select coalesce(max(sequence), 0) + 1 from result_export where package_id = ?")
                .param(packageId).query(Long.class).single();
        List<CandidateResult> results = sittings.results(packageId);
        // After results(): a candidate it submitted at their end is reported as 已交卷.
        List<RoomReport> rooms = proctoring.reports(packageId);
        ResultPackageHeader header = ResultPackageHeader.create(packageId, summary.siteCode(),
                summary.planSubjectId(), sequence, now);
        String fileName = packageId + "-result-" + sequence + ".kwres";
        Path file = resultDir.resolve(fileName);
        Path temp = resultDir.resolve(fileName + ".part");
        String chainHead;
        try (OutputStream out = Files.newOutputStream(temp)) {
            ResultPackageWriter writer = ResultPackageWriter.start(out, header, keys.privateKey());
            for (CandidateResult r : results) {
                writer.addCandidate(new CandidateResult(r.ticketNumber(), r.answers(), r.objectiveScore(),
                        sittings.practicalWork(packageId, r.ticketNumber()), r.signedInAt(), r.submittedAt()));
            }
            rooms.forEach(room -> writer.addRoomRecord(room.toRecord()));
            chainHead = writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result package " + temp, e);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the result package to " + file, e);
        }
        jdbc.sql("""
                insert into result_export (result_package_id, package_id, sequence, file_name, chain_head, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(header.resultPackageId(), packageId, sequence, fileName, chainHead, Timestamp.from(now))
                .update();
        PlatformLink.Delivery delivery = link.deliverResult(file, header);
        return new Export(header.resultPackageId(), sequence, file, chainHead, delivery);
    }
}
