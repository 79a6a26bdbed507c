package cn.kaowu.platform.appeal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.RoomReport;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.WebSession;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.result.ResultIntake;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A result package whose room report carries the site's panel and two appeals (one signed for, one still open past
 * its due time) is accepted → 申诉记录 shows them to the ORG owning the plan and to the college of the site, with the
 * signature; another ORG gets 404 for the plan and the signature.
 */
@IntegrationTest
class AppealIntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	ScheduleMother schedules;

	@Autowired
	Scheduling scheduling;

	@Autowired
	BankManagement bank;

	@Autowired
	Delivery delivery;

	@Autowired
	ResultIntake intake;

	@Autowired
	AppealRecords records;

	@Autowired
	cn.kaowu.platform.review.ReviewManagement reviews;

	@Autowired
	AdjustableClock clock;

	@Test
	void appealsOfAnAcceptedResultAreShownToTheOrgAndTheCollegeOnly() throws Exception {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanSubjectView practice = r.plan().subjects().stream()
			.filter(x -> x.level().label().equals("初级") && x.subjectName().equals("实操")).findFirst().orElseThrow();
		bank.create(org, ItemForm.practical(practice.levelId(), practice.subjectId(), "店铺装修", 3, 100, "完成店铺首页装修。",
				List.of(new ItemBody.Criterion("作品完整", 100))));
		bank.saveBlueprint(org, practice.levelId(), practice.subjectId(),
				BlueprintForm.of(List.of(new Blueprint.Line(ItemType.PRACTICAL, "店铺装修", 1, 100))));
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());
		KeyPair site = Sm2Keys.generateKeyPair();
		delivery.enrol(r.site().code(), delivery.enrolmentToken(r.college(), r.site().id()).token(),
				Sm2Keys.toPem(site.getPublic()));
		delivery.build(org, r.plan().id());
		String packageId = delivery.packagesOfOwnPlan(org, r.plan().id()).stream()
			.filter(p -> p.planSubjectId() == practice.id()).findFirst().orElseThrow().id();
		List<Scheduling.Seated> seats = scheduling.publishedSeats(r.plan().id(), r.site().id()).stream()
			.filter(x -> x.planSubjectId() == practice.id()).toList();
		var a = seats.get(0);
		var b = seats.get(1);

		Instant at = clock.instant().minus(Duration.ofHours(5));
		RoomReport.Panel panel = new RoomReport.Panel("某某职业技术学院", List.of(
				new RoomReport.PanelMember("甲仲裁", "甲单位", "13800000001"),
				new RoomReport.PanelMember("乙仲裁", "乙单位", null), new RoomReport.PanelMember("丙仲裁", "丙单位", null)),
				"周考务", at);
		RoomReport.Appeal signed = new RoomReport.Appeal(1, a.ticketNumber(), "第 3 题题干有误", "周考务", "image/png", PNG,
				at, at.plus(Duration.ofHours(2)), List.of(
						new RoomReport.AppealEvent(RoomReport.AppealEventKind.DECIDED, RoomReport.AppealOutcome.MAINTAINED,
								"经复核，试题无误。", List.of("甲仲裁", "乙仲裁"), at.plus(Duration.ofHours(3)), null, "周考务",
								at.plus(Duration.ofMinutes(90))),
						new RoomReport.AppealEvent(RoomReport.AppealEventKind.SIGNED_FOR, null, null, null, null, null,
								"周考务", at.plus(Duration.ofHours(3)))));
		RoomReport.Appeal open = new RoomReport.Appeal(2, b.ticketNumber(), "机器故障未延时", "周考务", "image/png", PNG,
				at, at.plus(Duration.ofHours(2)), List.of());
		RoomReport room = new RoomReport(RoomReport.VERSION, packageId, "101",
				List.of(new RoomReport.Seat(a.ticketNumber(), 1, RoomReport.Outcome.SUBMITTED, 0, at),
						new RoomReport.Seat(b.ticketNumber(), 2, RoomReport.Outcome.SUBMITTED, 0, at)),
				List.of(), List.of(), List.of(), null, panel, List.of(signed, open));
		var accepted = upload(r.site().code(), site, packageId, practice.id(), List.of(candidate(a.ticketNumber()),
				candidate(b.ticketNumber())), room);
		assertThat(accepted.status()).as(String.valueOf(accepted.reason())).isEqualTo(ResultIntake.Status.ACCEPTED);

		// The API of the module: both appeals with state, lateness and decision; the panel.
		AppealRecords.PlanAppeals seen = records.ofPlan(org, r.plan().id());
		assertThat(seen.appeals()).extracting(x -> x.appeal().ticketNumber() + " " + x.state() + " " + x.late())
			.containsExactlyInAnyOrder(a.ticketNumber() + " SIGNED_FOR false", b.ticketNumber() + " ACCEPTED true");
		assertThat(seen.panels()).singleElement().satisfies(p -> assertThat(p.panel().members()).hasSize(3));
		assertThat(records.ofPlan(r.college(), r.plan().id()).appeals()).hasSize(2);
		Scope otherOrg = world.scopeOf(world.account(Role.ORG, world.trainingOrg()));
		assertThatThrownBy(() -> records.ofPlan(otherOrg, r.plan().id())).isInstanceOf(NotFoundProblem.class);

		// The candidate's case file (issue 7 part 7) carries the appeal with its decision and receipt, in time order.
		List<String> caseFile = reviews.caseFile(org, r.plan().id(), a.candidateId()).stream()
			.filter(e -> e.kind().equals("appeal")).map(e -> e.messageKey() + " " + e.args()).toList();
		assertThat(caseFile).hasSize(3);
		assertThat(caseFile.get(0)).startsWith("review.case.appeal.recorded").contains("第 3 题题干有误");
		assertThat(caseFile.get(1)).startsWith("review.case.appeal.DECIDED").contains("维持");
		assertThat(caseFile.get(2)).startsWith("review.case.appeal.SIGNED_FOR");
		assertThat(reviews.caseFile(org, r.plan().id(), b.candidateId()))
			.filteredOn(e -> e.kind().equals("appeal")).hasSize(1);

		// The page (申诉记录) and the signature for the ORG and the college; 404 for another ORG.
		String signature = "/appeals/" + r.plan().id() + "/packages/" + packageId + "/1/signature";
		WebSession orgWeb = new WebSession(port);
		orgWeb.login(r.setting().orgAccount().username(), TestWorld.PASSWORD);
		WebSession.Page page = orgWeb.get("/appeals?planId=" + r.plan().id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("第 3 题题干有误").contains("已签收").contains("已受理").contains("逾期")
			.contains("维持").contains("甲仲裁（甲单位）").contains(signature);
		assertThat(orgWeb.get(signature).status()).isEqualTo(200);
		WebSession collegeWeb = new WebSession(port);
		collegeWeb.login(r.setting().collegeAccount().username(), TestWorld.PASSWORD);
		assertThat(collegeWeb.get("/appeals?planId=" + r.plan().id()).body()).contains("机器故障未延时");
		WebSession otherWeb = new WebSession(port);
		otherWeb.login(world.account(Role.ORG, world.trainingOrg()).username(), TestWorld.PASSWORD);
		assertThat(otherWeb.get("/appeals?planId=" + r.plan().id()).status()).isEqualTo(404);
		assertThat(otherWeb.get(signature).status()).isEqualTo(404);
		assertThat(orgWeb.get("/appeals?planId=" + r.plan().id() + "&lang=en").body()).contains("Signed for");
	}

	private static CandidateResult candidate(String ticket) {
		Instant now = Instant.now();
		return new CandidateResult(ticket, new TreeMap<>(), BigDecimal.ZERO, List.of(), now, now);
	}

	private ResultIntake.UploadState upload(String siteCode, KeyPair site, String packageId, long planSubjectId,
			List<CandidateResult> candidates, RoomReport room) throws Exception {
		var header = ResultPackageHeader.create(packageId, siteCode, planSubjectId, 1, clock.instant());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ResultPackageWriter writer = ResultPackageWriter.start(bytes, header, site.getPrivate());
		candidates.forEach(writer::addCandidate);
		writer.addRoomRecord(room.toRecord());
		writer.finish();
		Path file = Files.createTempFile("appeal-", ".kwres");
		try {
			Files.write(file, bytes.toByteArray());
			ChunkManifest manifest = ChunkManifest.of(file, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
			String path = "/api/v1/delivery/site/results/" + header.resultPackageId();
			intake.manifest(proof(siteCode, site, "PUT", path), "PUT", path, header.resultPackageId(), manifest.encode());
			for (int i = 0; i < manifest.chunkCount(); i++) {
				String chunk = path + "/chunks/" + i;
				intake.chunk(proof(siteCode, site, "PUT", chunk), "PUT", chunk, header.resultPackageId(), i,
						manifest.readChunk(file, i));
			}
			return intake.complete(proof(siteCode, site, "POST", path + "/complete"), "POST", path + "/complete",
					header.resultPackageId());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private Delivery.SiteSignature proof(String siteCode, KeyPair site, String method, String path) {
		String time = String.valueOf(clock.millis());
		return new Delivery.SiteSignature(siteCode, time, SiteRequest.sign(site.getPrivate(), method, path, time));
	}
}
