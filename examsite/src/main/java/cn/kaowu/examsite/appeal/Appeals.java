package cn.kaowu.examsite.appeal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.kaowu.exampackage.RoomReport.Appeal;
import cn.kaowu.exampackage.RoomReport.AppealEvent;
import cn.kaowu.exampackage.RoomReport.AppealEventKind;
import cn.kaowu.exampackage.RoomReport.AppealOutcome;
import cn.kaowu.exampackage.RoomReport.AppealState;
import cn.kaowu.exampackage.RoomReport.Panel;
import cn.kaowu.exampackage.RoomReport.PanelMember;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.pkg.ExamPackages;
import cn.kaowu.examsite.pkg.PackageSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉与仲裁 on the site (seed 000 §4.5, rules in {@link AppealRules}): the package's 仲裁组, the candidates' written
 * appeals recorded by the staff with the scanned signed page, the panel's decision, the appellant's receipt in
 * person (or absence at the agreed time = withdrawn) and withdrawal. Every action inserts a row (append-only
 * tables, V5) under the lock on the package row, like the proctor's records.
 */
@Component
public class Appeals {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExamPackages packages;

    Appeals(JdbcClient jdbc, Clock clock, ExamPackages packages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.packages = packages;
    }

    /** A panel as the public page shows it, with the package's slot. */
    public record PublicPanel(PackageSummary pkg, Panel panel) {
    }

    /** The staff's entry of a decision. */
    public record DecisionRequest(String outcome, String text, List<String> decidedBy, Instant agreedAt,
            String recordedBy) {
    }

    /** Sets (or replaces) the package's 仲裁组. */
    @Transactional
    public Panel setPanel(String packageId, String siteCollege, List<PanelMember> entered, String recordedBy) {
        lock(packageId);
        List<PanelMember> members = AppealRules.panel(siteCollege, entered);
        String by = staff(recordedBy);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into arbitration_panel (package_id, site_college, recorded_by, recorded_at)
                values (?, ?, ?, ?) returning id""")
                .params(packageId, siteCollege.strip(), by, Timestamp.from(now)).query(Long.class).single();
        for (int i = 0; i < members.size(); i++) {
            PanelMember m = members.get(i);
            jdbc.sql("insert into arbitration_member (panel_id, position, name, organisation, contact) values (?, ?, ?, ?, ?)")
                    .params(id, i + 1, m.name(), m.organisation(), m.contact()).update();
        }
        return new Panel(siteCollege.strip(), members, by, now);
    }

    /** The package's current panel (the last one set). */
    @Transactional(readOnly = true)
    public Optional<Panel> panel(String packageId) {
        return jdbc.sql("""
                select id, site_college, recorded_by, recorded_at from arbitration_panel
                where package_id = ? order by id desc limit 1""")
                .param(packageId)
                .query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant() })
                .optional()
                .map(row -> new Panel((String) row[1], members((Long) row[0]), (String) row[2], (Instant) row[3]));
    }

    /** Every package's current panel, for the public page (no login): packages by slot start. */
    @Transactional(readOnly = true)
    public List<PublicPanel> publicPanels() {
        List<PublicPanel> panels = new ArrayList<>();
        packages.list().stream().sorted(java.util.Comparator.comparing(PackageSummary::slotStart))
                .forEach(p -> panel(p.packageId()).ifPresent(panel -> panels.add(new PublicPanel(p, panel))));
        return panels;
    }

    /**
     * Records a candidate's written appeal with the scanned signed page.
     *
     * @throws Refusal outside the window, without text, staff name or a JPEG/PNG signature ≤ 5 MB, an unknown
     *         candidate
     */
    @Transactional
    public Appeal record(String packageId, String ticketNumber, String text, String recordedBy, byte[] signature) {
        PackageSummary pkg = lock(packageId);
        String ticket = AppealRules.clean(ticketNumber);
        record Sitting(String room, Instant effectiveEnd) {
        }
        Sitting sitting = jdbc.sql("""
                select c.room_code, x.minutes from candidate c
                join candidate_extension x on x.package_id = c.package_id and x.ticket_number = c.ticket_number
                where c.package_id = ? and c.ticket_number = ?""")
                .params(packageId, ticket == null ? "" : ticket)
                .query((rs, n) -> new Sitting(rs.getString(1), pkg.slotEnd().plusSeconds(60L * rs.getInt(2))))
                .optional().orElseThrow(() -> Refusal.of("refusal.appeal.candidate", String.valueOf(ticketNumber)));
        Instant now = clock.instant();
        AppealRules.checkWindow(pkg.slotStart(), sitting.effectiveEnd(), now);
        String body = AppealRules.clean(text);
        if (body == null) {
            throw Refusal.of("refusal.appeal.text");
        }
        String by = staff(recordedBy);
        String type = AppealRules.signatureType(signature);
        Instant due = AppealRules.dueAt(now);
        long id = jdbc.sql("""
                insert into appeal (package_id, ticket_number, room_code, text, recorded_by, signature, signature_type,
                                    recorded_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(packageId, ticket, sitting.room(), body, by, signature, type, Timestamp.from(now),
                        Timestamp.from(due))
                .query(Long.class).single();
        return new Appeal(id, ticket, body, by, type, signature, now, due, List.of());
    }

    /** The panel's written decision (only of an appeal 已受理); late ones are kept and flagged. */
    @Transactional
    public AppealEvent decide(String packageId, long appealId, DecisionRequest request) {
        lock(packageId);
        Appeal appeal = require(packageId, appealId);
        requireState(appeal, AppealState.ACCEPTED);
        AppealOutcome outcome;
        try {
            outcome = AppealOutcome.valueOf(request.outcome() == null ? "" : request.outcome().strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.of("refusal.appeal.decision.outcome");
        }
        String text = AppealRules.clean(request.text());
        if (text == null) {
            throw Refusal.of("refusal.appeal.decision.text");
        }
        List<String> deciders = AppealRules.deciders(request.decidedBy(),
                panel(packageId).map(Panel::members).orElse(List.of()));
        if (request.agreedAt() == null) {
            throw Refusal.of("refusal.appeal.decision.agreedAt");
        }
        return insert(appealId, new AppealEvent(AppealEventKind.DECIDED, outcome, text, deciders, request.agreedAt(),
                null, staff(request.recordedBy()), clock.instant()));
    }

    /** The appellant signed for the decision in person (not by proxy). */
    @Transactional
    public AppealEvent signedFor(String packageId, long appealId, String recordedBy) {
        lock(packageId);
        requireState(require(packageId, appealId), AppealState.DECIDED);
        return insert(appealId, new AppealEvent(AppealEventKind.SIGNED_FOR, null, null, null, null, null,
                staff(recordedBy), clock.instant()));
    }

    /** The appellant did not come at the agreed time: withdrawn (000 §4.5.6); refused before that time. */
    @Transactional
    public AppealEvent absent(String packageId, long appealId, String recordedBy) {
        lock(packageId);
        Appeal appeal = require(packageId, appealId);
        requireState(appeal, AppealState.DECIDED);
        Instant agreed = appeal.decision().orElseThrow().agreedAt();
        Instant now = clock.instant();
        if (now.isBefore(agreed)) {
            throw Refusal.of("refusal.appeal.absent.tooEarly");
        }
        return insert(appealId, new AppealEvent(AppealEventKind.ABSENT, null, null, null, null, null,
                staff(recordedBy), now));
    }

    /** The appellant withdraws (before the decision), with a reason. */
    @Transactional
    public AppealEvent withdraw(String packageId, long appealId, String reason, String recordedBy) {
        lock(packageId);
        requireState(require(packageId, appealId), AppealState.ACCEPTED);
        String why = AppealRules.clean(reason);
        if (why == null) {
            throw Refusal.of("refusal.appeal.withdraw.reason");
        }
        return insert(appealId, new AppealEvent(AppealEventKind.WITHDRAWN, null, null, null, null, why,
                staff(recordedBy), clock.instant()));
    }

    /** A package's appeals by room (code order of first appeal), each in recording order. */
    @Transactional(readOnly = true)
    public Map<String, List<Appeal>> byRoom(String packageId) {
        Map<String, List<Appeal>> rooms = new LinkedHashMap<>();
        jdbc.sql("""
                select id, ticket_number, text, recorded_by, signature_type, signature, recorded_at, due_at, room_code
                from appeal where package_id = ? order by id""")
                .param(packageId)
                .query((rs, n) -> Map.entry(rs.getString(9), new Appeal(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBytes(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), events(rs.getLong(1)))))
                .list()
                .forEach(e -> rooms.computeIfAbsent(e.getKey(), r -> new ArrayList<>()).add(e.getValue()));
        return rooms;
    }

    /** Every appeal of the package in recording order. */
    @Transactional(readOnly = true)
    public List<Appeal> list(String packageId) {
        return byRoom(packageId).values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparingLong(Appeal::id)).toList();
    }

    /** The scanned signature (type, bytes) of an appeal of this package. */
    @Transactional(readOnly = true)
    public Optional<Map.Entry<String, byte[]>> signature(String packageId, long appealId) {
        return jdbc.sql("select signature_type, signature from appeal where package_id = ? and id = ?")
                .params(packageId, appealId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBytes(2))).optional();
    }

    private Appeal require(String packageId, long appealId) {
        return list(packageId).stream().filter(a -> a.id() == appealId).findFirst()
                .orElseThrow(() -> Refusal.of("refusal.appeal.unknown", Long.toString(appealId)));
    }

    private static void requireState(Appeal appeal, AppealState required) {
        if (appeal.state() != required) {
            throw Refusal.of("refusal.appeal.state", Refusal.label("appeal.state." + appeal.state().name()));
        }
    }

    private AppealEvent insert(long appealId, AppealEvent event) {
        jdbc.sql("""
                insert into appeal_event (appeal_id, kind, outcome, text, decided_by, agreed_at, reason, recorded_by,
                                          recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appealId, event.kind().name(), event.outcome() == null ? null : event.outcome().name(),
                        event.text(), event.decidedBy().isEmpty() ? null : String.join("、", event.decidedBy()),
                        event.agreedAt() == null ? null : Timestamp.from(event.agreedAt()), event.reason(),
                        event.recordedBy(), Timestamp.from(event.recordedAt()))
                .update();
        return event;
    }

    private List<AppealEvent> events(long appealId) {
        return jdbc.sql("""
                select kind, outcome, text, decided_by, agreed_at, reason, recorded_by, recorded_at
                from appeal_event where appeal_id = ? order by id""")
                .param(appealId)
                .query((rs, n) -> new AppealEvent(AppealEventKind.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : AppealOutcome.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4) == null ? List.of() : List.of(rs.getString(4).split("、")),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    private List<PanelMember> members(long panelId) {
        return jdbc.sql("select name, organisation, contact from arbitration_member where panel_id = ? order by position")
                .param(panelId)
                .query((rs, n) -> new PanelMember(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private static String staff(String recordedBy) {
        String by = AppealRules.clean(recordedBy);
        if (by == null) {
            throw Refusal.of("refusal.appeal.recordedBy");
        }
        return by;
    }

    private PackageSummary lock(String packageId) {
        PackageSummary pkg = packages.get(packageId);
        jdbc.sql("select package_id from exam_package where package_id = ? for update").param(packageId)
                .query(String.class).single();
        return pkg;
    }
}
