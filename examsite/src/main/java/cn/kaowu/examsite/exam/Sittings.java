package cn.kaowu.examsite.exam;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ItemType;
import cn.kaowu.exampackage.ObjectiveGrading;
import cn.kaowu.exampackage.Paper;
import cn.kaowu.exampackage.Receipt;
import cn.kaowu.exampackage.SubjectKind;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.exampackage.ItemPayload;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Candidates sitting the exam: sign-in with ticket number and initial password, answer saves (each one
 * committed), submit with local grading of objective items and a receipt, and the proctor's sign-in list.
 *
 * <p>Answers are stored as the display labels the candidate clicked ({@code "A,C"}), as {@link ObjectiveGrading}
 * expects. The receipt and the result package carry them in the bank's option keys
 * ({@link Paper.Item#originalOption}), which the platform can read without rebuilding the paper.
 */
@Component
public class Sittings {

    /** DOMAIN §10 / seed 004 ch.4 §4: nobody enters from 30 minutes after the start. */
    public static final Duration ENTRY_CLOSES_AFTER_START = Duration.ofMinutes(30);

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    static final String DISQUALIFIED_REFUSAL = "refusal.disqualified";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExamPackages packages;
    private final JsonMapper json;
    private final Map<CandidateRef, Paper> papers = new ConcurrentHashMap<>();

    Sittings(JdbcClient jdbc, Clock clock, ExamPackages packages, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.packages = packages;
        this.json = json;
    }

    private record Row(String packageId, String ticketNumber, String name, String maskedIdNumber,
            CandidateStatus status, String paper, Instant signedInAt, Instant submittedAt, BigDecimal score,
            String receipt, Instant slotStart, Instant slotEnd, String roomCode, int seatNumber, int extensionMinutes,
            SubjectKind subjectKind, boolean earlyLeaveConsent) {

        /** The slot's end plus the candidate's own and their room's extensions. */
        Instant effectiveEnd() {
            return slotEnd.plus(Duration.ofMinutes(extensionMinutes));
        }

        Instant submitFrom() {
            return earlyLeaveConsent ? null : EarlyLeaveRule.allowedFrom(effectiveEnd(), subjectKind);
        }
    }

    /**
     * Signs a candidate in (or back in, after a PC swap) with the ticket number and the initial password (the
     * ticket's last six digits).
     *
     * @throws Refusal with the reason in Chinese
     */
    @Transactional
    public CandidateRef signIn(String ticketNumber, String password) {
        String ticket = ticketNumber == null ? "" : ticketNumber.strip();
        Instant now = clock.instant();
        // The candidate's current sitting: of the opened packages naming this ticket, the one not yet over,
        // earliest first (a site may hold several slots a day).
        Optional<Row> found = jdbc.sql(SELECT + " " + """
                 where c.ticket_number = ? and p.opened_at is not null
                   and p.slot_end + make_interval(mins => x.minutes) > ?
                 order by p.slot_start, p.package_id limit 1 for update of c""")
                .params(ticket, Timestamp.from(now)).query(Sittings::row).optional();
        boolean passwordOk = ticket.length() >= 6 && password != null
                && MessageDigest.isEqual(ticket.substring(ticket.length() - 6).getBytes(StandardCharsets.UTF_8),
                        password.strip().getBytes(StandardCharsets.UTF_8));
        if (found.isEmpty() || !passwordOk) {
            throw Refusal.of("refusal.signIn.wrong");
        }
        Row row = found.get();
        switch (row.status()) {
            case SUBMITTED -> throw Refusal.of("refusal.signIn.submitted");
            case ABSENT -> throw Refusal.of("refusal.signIn.absent");
            case DISQUALIFIED -> throw Refusal.of(DISQUALIFIED_REFUSAL);
            case NOT_SIGNED_IN -> {
                Instant closes = row.slotStart().plus(ENTRY_CLOSES_AFTER_START);
                if (!now.isBefore(closes)) {
                    throw Refusal.of("refusal.signIn.closed", TIME.format(row.slotStart()), TIME.format(closes));
                }
                jdbc.sql("""
                        update candidate set status = 'ANSWERING', signed_in_at = ?, version = version + 1
                        where package_id = ? and ticket_number = ?""")
                        .params(Timestamp.from(now), row.packageId(), row.ticketNumber()).update();
            }
            case ANSWERING -> {
                // A PC swap or a reconnect: the same paper with the saved answers, whatever the time.
            }
        }
        return new CandidateRef(row.packageId(), row.ticketNumber());
    }

    public SittingView view(CandidateRef ref) {
        Row row = row(ref);
        Paper paper = paper(row);
        Map<String, ItemPayload> items = packages.items(ref.packageId());
        Map<String, Set<String>> answers = answers(ref);
        Map<String, String> work = workNames(ref);
        List<SittingView.Section> sections = new ArrayList<>();
        int number = 0;
        for (Paper.Section section : paper.sections()) {
            List<SittingView.Item> viewItems = new ArrayList<>();
            for (Paper.Item item : section.items()) {
                ItemPayload payload = items.get(item.itemId());
                Set<String> chosen = answers.getOrDefault(item.itemId(), Set.of());
                List<String> labels = item.labels();
                List<SittingView.Option> options = new ArrayList<>();
                for (int i = 0; i < labels.size(); i++) {
                    String label = labels.get(i);
                    String text = item.type() == ItemType.TRUE_FALSE
                            ? payload.optionText(item.options().get(i)).orElse("T".equals(label) ? "正确" : "错误")
                            : payload.optionText(item.options().get(i)).orElse("");
                    options.add(new SittingView.Option(label, text, chosen.contains(label)));
                }
                viewItems.add(new SittingView.Item(++number, item.itemId(), item.type(), payload.stem(),
                        payload.points(), options, chosen, work.get(item.itemId())));
            }
            sections.add(new SittingView.Section(section.name(), viewItems));
        }
        return new SittingView(row.packageId(), row.ticketNumber(), row.name(), row.maskedIdNumber(), row.status(),
                row.slotStart(), row.effectiveEnd(), row.submitFrom(), row.subjectKind(), sections, row.score(),
                row.receipt(), row.submittedAt());
    }

    /**
     * Saves the candidate's current answers (item id → chosen labels) in one committed transaction; items not
     * mentioned keep their saved answer.
     *
     * @return the time of the save, the candidate's effective end and from when they may submit (both may have
     *         moved since the page was drawn: an extension, the chief examiner's consent)
     * @throws Refusal after submit or disqualification, after the effective end, or for an item not on the paper
     */
    @Transactional
    public Saved save(CandidateRef ref, Map<String, List<String>> answers) {
        Row row = lockForAnswering(ref);
        Instant now = clock.instant();
        if (now.isAfter(row.effectiveEnd())) {
            throw Refusal.of("refusal.save.timeUp");
        }
        store(row, answers, now);
        return new Saved(now, row.effectiveEnd(), row.submitFrom());
    }

    /**
     * An acknowledged save.
     *
     * @param submitFrom {@code null} when the chief examiner consented to an early submit
     */
    public record Saved(Instant savedAt, Instant endsAt, Instant submitFrom) {
    }

    /**
     * Submits: takes the last answers (unless time is up), grades the objective items and returns the receipt.
     * After this nothing of the candidate's answers changes.
     */
    @Transactional
    public Receipt submit(CandidateRef ref, Map<String, List<String>> lastAnswers) {
        Row row = lockForAnswering(ref);
        Instant now = clock.instant();
        if (!EarlyLeaveRule.maySubmit(now, row.effectiveEnd(), row.subjectKind(), row.earlyLeaveConsent())) {
            throw Refusal.of("refusal.submit.tooEarly", Refusal.label("subject.kind." + row.subjectKind().name()),
                    String.valueOf(row.subjectKind().earlyLeaveWindow().toMinutes()), SECONDS.format(row.submitFrom()),
                    SECONDS.format(row.effectiveEnd()));
        }
        if (!now.isAfter(row.effectiveEnd())) {
            store(row, lastAnswers, now);
        }
        return finish(row, now);
    }

    private Receipt finish(Row row, Instant submittedAt) {
        Paper paper = paper(row);
        Map<String, ItemPayload> items = packages.items(row.packageId());
        Map<String, Set<String>> answers = answers(new CandidateRef(row.packageId(), row.ticketNumber()));
        BigDecimal score = BigDecimal.ZERO;
        for (Paper.Section section : paper.sections()) {
            for (Paper.Item item : section.items()) {
                if (item.type() != ItemType.PRACTICAL) {
                    score = score.add(ObjectiveGrading.score(item, answers.getOrDefault(item.itemId(), Set.of()),
                            items.get(item.itemId()).points()));
                }
            }
        }
        Receipt receipt = Receipt.of(row.ticketNumber(), inBankTerms(paper, answers));
        jdbc.sql("""
                update candidate set status = 'SUBMITTED', submitted_at = ?, objective_score = ?, receipt = ?,
                       version = version + 1
                where package_id = ? and ticket_number = ?""")
                .params(Timestamp.from(submittedAt), score, receipt.hex(), row.packageId(), row.ticketNumber())
                .update();
        return receipt;
    }

    /**
     * Validates all posted answers, then writes those that differ from the stored ones in one statement. The page
     * posts the whole form on every change and every 30 s, so most items are unchanged: writing only the changes
     * keeps a save to one read, one small upsert and the commit instead of one upsert per item (70 on a full
     * paper), which was most of the database's CPU under 400 candidates ({@code bench/run site-load}). An item
     * without a row and an empty answer mean the same (no answer), so an untouched item gets no row. The caller
     * holds the candidate's row lock, which every writer of {@code answer} takes, so the comparison cannot race;
     * {@code saved_at} is the time the answer last changed.
     */
    private void store(Row row, Map<String, List<String>> answers, Instant now) {
        Map<String, Paper.Item> onPaper = new HashMap<>();
        paper(row).sections().forEach(section -> section.items().forEach(item -> onPaper.put(item.itemId(), item)));
        Map<String, String> posted = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : answers.entrySet()) {
            Paper.Item item = onPaper.get(entry.getKey());
            if (item == null || item.type() == ItemType.PRACTICAL) {
                throw Refusal.of("refusal.answer.notOnPaper", entry.getKey());
            }
            Set<String> labels = new TreeSet<>();
            for (String label : entry.getValue()) {
                for (String part : label.split(",")) {
                    if (!part.isBlank()) {
                        labels.add(part.strip());
                    }
                }
            }
            if (!item.labels().containsAll(labels)
                    || (item.type() != ItemType.MULTIPLE_CHOICE && labels.size() > 1)) {
                throw Refusal.of("refusal.answer.invalid", entry.getKey());
            }
            posted.put(item.itemId(), String.join(",", labels));
        }
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select item_id, answer from answer where package_id = ? and ticket_number = ?")
                .params(row.packageId(), row.ticketNumber())
                .query((rs, n) -> stored.put(rs.getString(1), rs.getString(2))).list();
        List<String> itemIds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        posted.forEach((itemId, answer) -> {
            if (!answer.equals(stored.getOrDefault(itemId, ""))) {
                itemIds.add(itemId);
                values.add(answer);
            }
        });
        if (itemIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into answer (package_id, ticket_number, item_id, answer, saved_at)
                select ?, ?, u.item_id, u.answer, ? from unnest(?::text[], ?::text[]) as u(item_id, answer)
                on conflict (package_id, ticket_number, item_id)
                do update set answer = excluded.answer, saved_at = excluded.saved_at""")
                .params(row.packageId(), row.ticketNumber(), Timestamp.from(now), itemIds.toArray(String[]::new),
                        values.toArray(String[]::new))
                .update();
    }

    private Row lockForAnswering(CandidateRef ref) {
        Row row = jdbc.sql(SELECT + " where c.package_id = ? and c.ticket_number = ? for update of c")
                .params(ref.packageId(), ref.ticketNumber()).query(Sittings::row).optional()
                .orElseThrow(() -> Refusal.of("refusal.candidate.unknown"));
        if (row.status() != CandidateStatus.ANSWERING) {
            throw switch (row.status()) {
                case SUBMITTED -> Refusal.of("refusal.save.submitted");
                case DISQUALIFIED -> Refusal.of(DISQUALIFIED_REFUSAL);
                default -> Refusal.of("refusal.save.status", Refusal.label("candidate.status." + row.status().name()));
            };
        }
        if (clock.instant().isBefore(row.slotStart())) {
            throw Refusal.of("refusal.save.notStarted", TIME.format(row.slotStart()));
        }
        return row;
    }

    public CandidateStatus status(CandidateRef ref) {
        return row(ref).status();
    }

    public byte[] photo(String packageId, String ticketNumber) {
        return jdbc.sql("select photo from candidate where package_id = ? and ticket_number = ?")
                .params(packageId, ticketNumber).query(byte[].class).optional().orElse(new byte[0]);
    }

    /** The sign-in list (签到表) of a package, by room and seat. */
    public List<ProctorRow> signInList(String packageId) {
        return jdbc.sql("""
                select c.ticket_number, c.name, c.masked_id_number, c.status, c.signed_in_at, c.submitted_at,
                       (select count(*) from answer a where a.package_id = c.package_id
                          and a.ticket_number = c.ticket_number and a.answer <> '') as answered,
                       c.room_code, c.seat_number, x.minutes, p.slot_end + make_interval(mins => x.minutes),
                       exists (select 1 from early_leave_consent e where e.package_id = c.package_id
                               and e.ticket_number = c.ticket_number) as consent
                from candidate c join exam_package p on p.package_id = c.package_id
                join candidate_extension x on x.package_id = c.package_id and x.ticket_number = c.ticket_number
                where c.package_id = ? order by c.room_code, c.seat_number, c.ticket_number""")
                .param(packageId)
                .query((rs, n) -> new ProctorRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        CandidateStatus.valueOf(rs.getString(4)), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)), rs.getInt(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
                        instant(rs.getTimestamp(11)), rs.getBoolean(12)))
                .list();
    }

    /** 缺考: only for a candidate who has not signed in. */
    @Transactional
    public void markAbsent(String packageId, String ticketNumber) {
        Row row = row(new CandidateRef(packageId, ticketNumber));
        if (!row.status().mayBeMarkedAbsent()) {
            throw Refusal.of("refusal.absent.status", ticketNumber, Refusal.label("candidate.status." + row.status().name()));
        }
        jdbc.sql("""
                update candidate set status = 'ABSENT', version = version + 1
                where package_id = ? and ticket_number = ? and status = 'NOT_SIGNED_IN'""")
                .params(packageId, ticketNumber).update();
    }

    /** Whether every candidate has submitted, been marked absent or been disqualified. */
    public boolean allDone(String packageId) {
        return jdbc.sql("""
                select count(*) from candidate
                where package_id = ? and status not in ('SUBMITTED', 'ABSENT', 'DISQUALIFIED')""")
                .param(packageId).query(Long.class).single() == 0;
    }

    /** The latest effective end of the package's candidates (the slot's end when nobody was extended). */
    public Instant latestEnd(String packageId) {
        return jdbc.sql("""
                select p.slot_end + make_interval(mins => coalesce(max(x.minutes), 0))
                from exam_package p left join candidate_extension x on x.package_id = p.package_id
                where p.package_id = ? group by p.slot_end""")
                .param(packageId).query(Timestamp.class).single().toInstant();
    }

    /** The largest work file a candidate may upload for a practical item. */
    public static final int MAX_WORK_BYTES = 50 * 1024 * 1024;

    /**
     * Stores the candidate's work file for a practical item of their paper (replacing an earlier upload), under the
     * rules of a save: answering, started, before their effective end.
     *
     * @throws Refusal with the reason in Chinese
     */
    @Transactional
    public Saved savePracticalWork(CandidateRef ref, String itemId, String originalName, byte[] content) {
        Row row = lockForAnswering(ref);
        Instant now = clock.instant();
        if (now.isAfter(row.effectiveEnd())) {
            throw Refusal.of("refusal.work.timeUp");
        }
        boolean onPaper = paper(row).sections().stream().flatMap(s -> s.items().stream())
                .anyMatch(i -> i.itemId().equals(itemId) && i.type() == ItemType.PRACTICAL);
        if (!onPaper) {
            throw Refusal.of("refusal.work.notOnPaper");
        }
        if (content.length == 0) {
            throw Refusal.of("refusal.work.empty");
        }
        if (content.length > MAX_WORK_BYTES) {
            throw Refusal.of("refusal.work.tooLargeNow", String.valueOf(MAX_WORK_BYTES / 1024 / 1024),
                    String.valueOf(content.length / 1024 / 1024));
        }
        jdbc.sql("""
                insert into practical_work (package_id, ticket_number, item_id, file_name, content, size_bytes,
                  uploaded_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (package_id, ticket_number, item_id) do update set file_name = excluded.file_name,
                  content = excluded.content, size_bytes = excluded.size_bytes, uploaded_at = excluded.uploaded_at""")
                .params(row.packageId(), row.ticketNumber(), itemId, workFileName(originalName), content,
                        content.length, Timestamp.from(now))
                .update();
        return new Saved(now, row.effectiveEnd(), row.submitFrom());
    }

    /** The name as the candidate's machine gave it, without any path, control characters, at most 120 chars. */
    public static String workFileName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "作品";
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    /** A candidate's practical work files, for the result package (read one candidate at a time). */
    public List<CandidateResult.Upload> practicalWork(String packageId, String ticketNumber) {
        return jdbc.sql("""
                select item_id, file_name, content from practical_work where package_id = ? and ticket_number = ?
                order by item_id""").params(packageId, ticketNumber)
                .query((rs, n) -> new CandidateResult.Upload(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    private Map<String, String> workNames(CandidateRef ref) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select item_id, file_name, size_bytes from practical_work where package_id = ? and ticket_number = ?")
                .params(ref.packageId(), ref.ticketNumber())
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2) + "（" + Math.max(1, rs.getLong(3) / 1024)
                        + " KB）"))
                .list();
        return names;
    }

    /**
     * The results of a package for its result package, in ticket order, without the practical work files (the
     * export adds each candidate's with {@link #practicalWork} while writing, so memory holds one candidate's). A
     * candidate still answering after their effective end is submitted with their saved answers at that end.
     */
    @Transactional
    public List<CandidateResult> results(String packageId) {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql(SELECT + " where c.package_id = ? order by c.ticket_number for update of c")
                .param(packageId).query(Sittings::row).list();
        List<CandidateResult> results = new ArrayList<>();
        for (Row row : rows) {
            if (row.status() == CandidateStatus.ANSWERING && now.isAfter(row.effectiveEnd())) {
                finish(row, row.effectiveEnd());
                row = row(new CandidateRef(row.packageId(), row.ticketNumber()));
            }
            Paper paper = paper(row);
            var answers = inBankTerms(paper, answers(new CandidateRef(row.packageId(), row.ticketNumber())));
            results.add(new CandidateResult(row.ticketNumber(), answers,
                    row.score() == null ? BigDecimal.ZERO : row.score(), List.of(), row.signedInAt(),
                    row.submittedAt()));
        }
        return results;
    }

    private static TreeMap<String, String> inBankTerms(Paper paper, Map<String, Set<String>> answers) {
        TreeMap<String, String> result = new TreeMap<>();
        for (Paper.Section section : paper.sections()) {
            for (Paper.Item item : section.items()) {
                Set<String> labels = answers.getOrDefault(item.itemId(), Set.of());
                if (!labels.isEmpty()) {
                    result.put(item.itemId(), labels.stream().map(item::originalOption).sorted()
                            .collect(Collectors.joining(",")));
                }
            }
        }
        return result;
    }

    private Map<String, Set<String>> answers(CandidateRef ref) {
        Map<String, Set<String>> answers = new HashMap<>();
        jdbc.sql("select item_id, answer from answer where package_id = ? and ticket_number = ?")
                .params(ref.packageId(), ref.ticketNumber())
                .query((rs, n) -> answers.put(rs.getString(1), rs.getString(2).isEmpty() ? Set.of()
                        : new LinkedHashSet<>(Arrays.asList(rs.getString(2).split(",")))))
                .list();
        return answers;
    }

    private Row row(CandidateRef ref) {
        return jdbc.sql(SELECT + " where c.package_id = ? and c.ticket_number = ?")
                .params(ref.packageId(), ref.ticketNumber()).query(Sittings::row).optional()
                .orElseThrow(() -> Refusal.of("refusal.candidate.unknown"));
    }

    /**
     * The candidate's paper. Parsed once and kept: it is written at opening and never changes, and every save checks
     * the posted labels against it (a few thousand papers a day at most).
     */
    private Paper paper(Row row) {
        return papers.computeIfAbsent(new CandidateRef(row.packageId(), row.ticketNumber()),
                ref -> json.readValue(row.paper(), Paper.class));
    }

    private static final String SELECT = """
            select c.package_id, c.ticket_number, c.name, c.masked_id_number, c.status, c.paper, c.signed_in_at,
                   c.submitted_at, c.objective_score, c.receipt, p.slot_start, p.slot_end, c.room_code, c.seat_number,
                   x.minutes, p.subject_kind,
                   exists (select 1 from early_leave_consent e where e.package_id = c.package_id
                           and e.ticket_number = c.ticket_number) as consent
            from candidate c join exam_package p on p.package_id = c.package_id
            join candidate_extension x on x.package_id = c.package_id and x.ticket_number = c.ticket_number""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                CandidateStatus.valueOf(rs.getString(5)), rs.getString(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getBigDecimal(9), rs.getString(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)), rs.getString(13), rs.getInt(14), rs.getInt(15),
                SubjectKind.valueOf(rs.getString(16)), rs.getBoolean(17));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
