package cn.kaowu.exampackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoomReportTest {

    static final Instant AT = Instant.parse("2026-12-05T02:10:00Z");

    static RoomReport report() {
        return new RoomReport(RoomReport.VERSION, "PKG-1", "2号楼102",
                List.of(new RoomReport.Seat("T1", 1, RoomReport.Outcome.SUBMITTED, 5, AT),
                        new RoomReport.Seat("T2", 2, RoomReport.Outcome.DISQUALIFIED, 0, AT),
                        new RoomReport.Seat("T3", 3, RoomReport.Outcome.ABSENT, 0, AT)),
                List.of(new RoomReport.Extension(null, 5, "停电", "王主考", "李巡考", null, 5, AT)),
                List.of(new RoomReport.Incident("T2", RoomReport.IncidentKind.DISQUALIFICATION, "夹带资料", false,
                        List.of("赵监考", "钱监考"), AT)),
                List.of(new RoomReport.EarlyLeave("T1", "王主考", AT)),
                new RoomReport.Seal(true, true, true, true, "孙管理员", "周考务", AT));
    }

    @Test
    void roundTripsAsUtf8Json() {
        RoomReport report = report();

        byte[] payload = report.encode();

        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"outcome\":\"DISQUALIFIED\"")
                .contains("\"roomCode\":\"2号楼102\"").contains("\"recordedAt\":\"2026-12-05T02:10:00Z\"");
        assertThat(RoomReport.decode(payload)).isEqualTo(report);
        assertThat(report.toRecord().roomCode()).isEqualTo("2号楼102");
    }

    @Test
    void aRoomWithoutSealDecodesWithNull() {
        RoomReport open = new RoomReport(RoomReport.VERSION, "PKG-1", "101", List.of(), List.of(), List.of(),
                List.of(), null);

        assertThat(RoomReport.decode(open.encode()).seal()).isNull();
    }

    @Test
    void panelAndAppealsRoundTripWithTheSignatureAsBase64() {
        RoomReport.Appeal appeal = new RoomReport.Appeal(7, "T1", "第 3 题评分有误", "周考务", "image/png",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2 }, AT, AT.plusSeconds(7200),
                List.of(new RoomReport.AppealEvent(RoomReport.AppealEventKind.DECIDED,
                        RoomReport.AppealOutcome.PARTLY_SUPPORTED, "复核后加 2 分", List.of("甲", "乙"),
                        AT.plusSeconds(3600), null, "周考务", AT.plusSeconds(1800))));
        RoomReport base = report();
        RoomReport report = new RoomReport(base.version(), base.packageId(), base.roomCode(), base.candidates(),
                base.extensions(), base.incidents(), base.earlyLeaves(), base.seal(),
                new RoomReport.Panel("某职业技术学院", List.of(new RoomReport.PanelMember("甲", "甲单位", "138")), "周考务",
                        AT),
                List.of(appeal));

        String json = new String(report.encode(), StandardCharsets.UTF_8);
        RoomReport decoded = RoomReport.decode(report.encode());

        assertThat(json).contains("\"signature\":\"iVBORwEC\"");
        assertThat(decoded).isEqualTo(report);
        assertThat(decoded.appeals().getFirst().state()).isEqualTo(RoomReport.AppealState.DECIDED);
        assertThat(decoded.appeals().getFirst().lateAt(AT.plusSeconds(99999))).isFalse();
    }

    @Test
    void aReportWrittenBeforeAppealsReadsAsNoneWithTheSameVersion() {
        String old = "{\"version\":1,\"packageId\":\"P\",\"roomCode\":\"1\",\"candidates\":[],\"seal\":null}";

        RoomReport decoded = RoomReport.decode(old.getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.appeals()).isEmpty();
        assertThat(decoded.panel()).isNull();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> RoomReport.decode("考场记录：无异常".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class).hasMessageContaining("考场记录格式无法识别");
        assertThatThrownBy(() -> RoomReport.decode("{\"version\":2,\"packageId\":\"P\",\"roomCode\":\"1\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CryptoException.class);
    }
}
