package cn.kaowu.examsite.proctor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.kaowu.exampackage.CryptoException;
import cn.kaowu.exampackage.ExtensionApproval;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.examsite.Refusal;
import cn.kaowu.examsite.appeal.Appeals;
import cn.kaowu.examsite.exam.CandidateStatus;
import cn.kaowu.examsite.exam.ProctorRow;
import cn.kaowu.examsite.exam.Sittings;
import cn.kaowu.examsite.pkg.ExamPackages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proctor console's records per room (seed 004 ch.4 §3–5): extensions, the 考场情况记录 (notes, warnings,
 * disqualifications), early-leave consents and the seal confirmation. Every action inserts a row (append-only
 * tables); only a disqualification also changes the candidate's status. Actions of one package are serialised by
 * a lock on its row, so two proctors extending at once both count.
 */
@Component
public class Proctoring {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExamPackages packages;
    private final Sittings sittings;
    private final Appeals appeals;

    Proctoring(JdbcClient jdbc, Clock clock, ExamPackages packages, Sittings sittings, Appeals appeals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.packages = packages;
        this.sittings = sittings;
        this.appeals = appeals;
    }

    /** One room on the console and in the result package. */
    public record Room(String roomCode, List<ProctorRow> candidates, List<RoomReport.Extension> extensions,
            List<RoomReport.Incident> incidents, List<RoomReport.EarlyLeave> earlyLeaves, RoomReport.Seal seal) {

        public boolean sealed() {
            return seal != null;
        }
    }

    private record Candidate(String roomCode, CandidateStatus status) {
    }

    /**
     * 延时 of one candidate ({@code ticketNumber}) or, with a blank ticket, of every candidate of the room.
     *
     * @throws Refusal naming the field: see {@link ExtensionRule}; a candidate who is no longer sitting; a room
     *         without candidates still sitting
     */
    @Transactional
    public ExtensionRule.Decision extend(String packageId, String roomCode, String ticketNumber,
            ExtensionRule.Request request) {
        lock(packageId);
        String ticket = Text.clean(ticketNumber);
        String room;
        int current;
        String target;
        String what;
        if (ticket != null) {
            Candidate candidate = candidate(packageId, ticket);
            if (!candidate.status().sitting()) {
                throw new Refusal("考生：" + ticket + " 当前为" + candidate.status().label() + "，不能延时。");
            }
            room = candidate.roomCode();
            if (Text.clean(roomCode) != null && !room.equals(roomCode.strip())) {
                throw new Refusal("考生：" + ticket + " 不在考场 " + roomCode.strip() + "。");
            }
            current = jdbc.sql("select minutes from candidate_extension where package_id = ? and ticket_number = ?")
                    .params(packageId, ticket).query(Integer.class).single();
            target = ExtensionApproval.ticketTarget(ticket);
            what = "考生 " + ticket;
        } else {
            room = requireRoom(packageId, roomCode);
            Integer highest = jdbc.sql("""
                    select max(x.minutes) from candidate_extension x
                    join candidate c on c.package_id = x.package_id and c.ticket_number = x.ticket_number
                    where c.package_id = ? and c.room_code = ? and c.status in ('NOT_SIGNED_IN', 'ANSWERING')""")
                    .params(packageId, room).query(Integer.class).optional().orElse(null);
            if (highest == null) {
                throw new Refusal("考场：" + room + " 已没有仍在考试的考生，不能延时。");
            }
            current = highest;
            target = ExtensionApproval.roomTarget(room);
            what = "考场 " + room + "（全体考生）";
        }
        String report = "试卷包 " + packageId + "、对象 " + target;
        ExtensionRule.Decision decision = ExtensionRule.decide(request, current, (total, code) -> {
            try {
                ExtensionApproval.check(packages.extensionKey(packageId), packageId, target, total, code);
            } catch (CryptoException e) {
                throw new Refusal("延时审批码：" + e.getMessage() + "。请核对" + report + "、累计 " + total + " 分钟。", e);
            }
        }, report + "（" + what + "）");
        jdbc.sql("""
                insert into extension (package_id, room_code, ticket_number, minutes, reason, chief_examiner, patrol,
                                       approval_code, total_minutes, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(packageId, room, ticket, decision.minutes(), decision.reason(), decision.chiefExaminer(),
                        decision.patrol(), decision.approvalCode(), decision.totalMinutes(), now())
                .update();
        return decision;
    }

    /**
     * 考场情况记录: a note, a warning or a disqualification (取消考试资格), which ends the candidate's sitting at once.
     */
    @Transactional
    public IncidentRule.Entry recordIncident(String packageId, String roomCode, IncidentRule.Request request) {
        lock(packageId);
        String room = requireRoom(packageId, roomCode);
        IncidentRule.Entry entry = IncidentRule.check(request);
        if (entry.ticketNumber() != null) {
            Candidate candidate = candidate(packageId, entry.ticketNumber());
            if (!candidate.roomCode().equals(room)) {
                throw new Refusal("考生：" + entry.ticketNumber() + " 不在考场 " + room + "。");
            }
            if (entry.kind() == RoomReport.IncidentKind.DISQUALIFICATION) {
                if (candidate.status() == CandidateStatus.ABSENT || candidate.status() == CandidateStatus.DISQUALIFIED) {
                    throw new Refusal("考生：" + entry.ticketNumber() + " 当前为" + candidate.status().label()
                            + "，不能取消考试资格。");
                }
                // Under the candidate's row lock, like a save: a save either commits before or is refused after.
                jdbc.sql("select ticket_number from candidate where package_id = ? and ticket_number = ? for update")
                        .params(packageId, entry.ticketNumber()).query(String.class).single();
                jdbc.sql("""
                        update candidate set status = 'DISQUALIFIED', version = version + 1
                        where package_id = ? and ticket_number = ?""")
                        .params(packageId, entry.ticketNumber()).update();
            }
        }
        jdbc.sql("""
                insert into incident (package_id, room_code, ticket_number, kind, description, candidate_signed,
                                      invigilators, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(packageId, room, entry.ticketNumber(), entry.kind().name(), entry.description(),
                        entry.candidateSigned(), String.join("、", entry.invigilators()), now())
                .update();
        return entry;
    }

    /** 提前交卷: the chief examiner's consent for one candidate still sitting. */
    @Transactional
    public void consentEarlyLeave(String packageId, String ticketNumber, String chiefExaminer) {
        lock(packageId);
        String chief = Text.clean(chiefExaminer);
        if (chief == null) {
            throw new Refusal("主考姓名：提前交卷须经主考同意，请填写主考姓名。");
        }
        Candidate candidate = candidate(packageId, ticketNumber);
        if (candidate.status() != CandidateStatus.ANSWERING) {
            throw new Refusal("考生：" + ticketNumber + " 当前为" + candidate.status().label() + "，不需要提前交卷许可。");
        }
        jdbc.sql("""
                insert into early_leave_consent (package_id, ticket_number, chief_examiner, recorded_at)
                values (?, ?, ?, ?)""")
                .params(packageId, ticketNumber, chief, now()).update();
    }

    /** 考场封场确认, once per room. */
    @Transactional
    public RoomReport.Seal seal(String packageId, String roomCode, SealRule.Request request) {
        lock(packageId);
        String room = requireRoom(packageId, roomCode);
        RoomReport.Seal seal = SealRule.check(request, clock.instant());
        if (jdbc.sql("select count(*) from room_seal where package_id = ? and room_code = ?").params(packageId, room)
                .query(Long.class).single() > 0) {
            throw new Refusal("考场：" + room + " 已封场确认，不能重复确认。");
        }
        jdbc.sql("""
                insert into room_seal (package_id, room_code, trial_run, system_checked, power_and_monitoring,
                                       sign_in_sheet_matches, system_administrator, exam_staff, recorded_at)
                values (?, ?, true, true, true, true, ?, ?, ?)""")
                .params(packageId, room, seal.systemAdministrator(), seal.examStaff(),
                        Timestamp.from(seal.recordedAt()))
                .update();
        return seal;
    }

    /** The rooms of a package with their candidates (by seat) and records (by time), by room code. */
    @Transactional(readOnly = true)
    public List<Room> rooms(String packageId) {
        Map<String, List<ProctorRow>> byRoom = new LinkedHashMap<>();
        sittings.signInList(packageId).forEach(row -> byRoom.computeIfAbsent(row.roomCode(), r -> new ArrayList<>())
                .add(row));
        List<Room> rooms = new ArrayList<>();
        byRoom.forEach((room, rows) -> rooms.add(new Room(room, rows, extensions(packageId, room),
                incidents(packageId, room), earlyLeaves(packageId, room), seal(packageId, room))));
        return rooms;
    }

    /** One {@link RoomReport} per room, for the result package, with the package's panel and the room's appeals. */
    @Transactional(readOnly = true)
    public List<RoomReport> reports(String packageId) {
        RoomReport.Panel panel = appeals.panel(packageId).orElse(null);
        Map<String, List<RoomReport.Appeal>> appealsByRoom = appeals.byRoom(packageId);
        return rooms(packageId).stream().map(room -> new RoomReport(RoomReport.VERSION, packageId, room.roomCode(),
                room.candidates().stream().map(row -> new RoomReport.Seat(row.ticketNumber(), row.seatNumber(),
                        RoomReport.Outcome.valueOf(row.status().name()), row.extensionMinutes(), row.effectiveEnd()))
                        .toList(),
                room.extensions(), room.incidents(), room.earlyLeaves(), room.seal(), panel,
                appealsByRoom.getOrDefault(room.roomCode(), List.of()))).toList();
    }

    private List<RoomReport.Extension> extensions(String packageId, String room) {
        return jdbc.sql("""
                select ticket_number, minutes, reason, chief_examiner, patrol, approval_code, total_minutes, recorded_at
                from extension where package_id = ? and room_code = ? order by id""")
                .params(packageId, room)
                .query((rs, n) -> new RoomReport.Extension(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    private List<RoomReport.Incident> incidents(String packageId, String room) {
        return jdbc.sql("""
                select ticket_number, kind, description, candidate_signed, invigilators, recorded_at
                from incident where package_id = ? and room_code = ? order by id""")
                .params(packageId, room)
                .query((rs, n) -> new RoomReport.Incident(rs.getString(1),
                        RoomReport.IncidentKind.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                        Text.names(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    private List<RoomReport.EarlyLeave> earlyLeaves(String packageId, String room) {
        return jdbc.sql("""
                select e.ticket_number, e.chief_examiner, e.recorded_at from early_leave_consent e
                join candidate c on c.package_id = e.package_id and c.ticket_number = e.ticket_number
                where e.package_id = ? and c.room_code = ? order by e.id""")
                .params(packageId, room)
                .query((rs, n) -> new RoomReport.EarlyLeave(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    private RoomReport.Seal seal(String packageId, String room) {
        return jdbc.sql("""
                select trial_run, system_checked, power_and_monitoring, sign_in_sheet_matches, system_administrator,
                       exam_staff, recorded_at
                from room_seal where package_id = ? and room_code = ?""")
                .params(packageId, room)
                .query((rs, n) -> new RoomReport.Seal(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional().orElse(null);
    }

    private void lock(String packageId) {
        packages.get(packageId);
        jdbc.sql("select package_id from exam_package where package_id = ? for update").param(packageId)
                .query(String.class).single();
    }

    private Candidate candidate(String packageId, String ticket) {
        return jdbc.sql("select room_code, status from candidate where package_id = ? and ticket_number = ?")
                .params(packageId, ticket == null ? "" : ticket.strip())
                .query((rs, n) -> new Candidate(rs.getString(1), CandidateStatus.valueOf(rs.getString(2))))
                .optional().orElseThrow(() -> new Refusal("考生：本考试包中没有准考证号 " + ticket + "。"));
    }

    private String requireRoom(String packageId, String roomCode) {
        String room = Text.clean(roomCode);
        if (room == null || jdbc.sql("select count(*) from candidate where package_id = ? and room_code = ?")
                .params(packageId, room).query(Long.class).single() == 0) {
            throw new Refusal("考场：本考试包中没有考场 " + roomCode + "。");
        }
        return room;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
