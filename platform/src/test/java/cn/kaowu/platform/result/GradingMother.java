package cn.kaowu.platform.result;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm2Keys;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.bank.ItemView;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.schedule.ScheduleMother;
import cn.kaowu.platform.schedule.Scheduling;

/**
 * A plan whose 初级实操 (one practical item of 100 points: 作品完整 60, 页面美观 40) was packaged for an enrolled site;
 * {@link #upload} sends a signed result package through {@link ResultIntake} as the site would.
 */

class GradingMother {

	final ScheduleMother schedules;

	final Scheduling scheduling;

	final BankManagement bank;

	final Delivery delivery;

	final ResultIntake intake;

	final AdjustableClock clock;

	GradingMother(ScheduleMother schedules, Scheduling scheduling, BankManagement bank, Delivery delivery,
			ResultIntake intake, AdjustableClock clock) {
		this.schedules = schedules;
		this.scheduling = scheduling;
		this.bank = bank;
		this.delivery = delivery;
		this.intake = intake;
		this.clock = clock;
	}

	record World(ScheduleMother.Setup setup, PlanSubjectView practice, String itemId, String packageId, KeyPair site,
			List<Scheduling.Seated> seats) {

		Scope org() {
			return setup.r().setting().orgScope();
		}

		long planId() {
			return setup.r().plan().id();
		}
	}

	World world() {
		ScheduleMother.Setup s = schedules.setup();
		var r = s.r();
		Scope org = r.setting().orgScope();
		PlanSubjectView practice = r.plan().subjects().stream()
			.filter(x -> x.level().label().equals("初级") && x.subjectName().equals("实操")).findFirst().orElseThrow();
		ItemView item = bank.create(org, ItemForm.practical(practice.levelId(), practice.subjectId(), "店铺装修", 3, 100,
				"完成店铺首页装修，上传首页截图。",
				List.of(new ItemBody.Criterion("作品完整", 60), new ItemBody.Criterion("页面美观", 40))));
		bank.saveBlueprint(org, practice.levelId(), practice.subjectId(),
				BlueprintForm.of(List.of(new Blueprint.Line(ItemType.PRACTICAL, "店铺装修", 1, 100))));
		scheduling.run(org, r.plan().id(), null);
		scheduling.publish(org, r.plan().id());
		KeyPair site = Sm2Keys.generateKeyPair();
		String token = delivery.enrolmentToken(r.college(), r.site().id()).token();
		delivery.enrol(r.site().code(), token, Sm2Keys.toPem(site.getPublic()));
		delivery.build(org, r.plan().id());
		String packageId = delivery.packagesOfOwnPlan(org, r.plan().id()).stream()
			.filter(p -> p.planSubjectId() == practice.id()).findFirst().orElseThrow().id();
		List<Scheduling.Seated> seats = scheduling.publishedSeats(r.plan().id(), r.site().id()).stream()
			.filter(x -> x.planSubjectId() == practice.id()).toList();
		return new World(s, practice, item.id() + "v" + item.version(), packageId, site, seats);
	}

	/** A candidate's entry: signed in (or not) with these files for the practical item. */
	static CandidateResult candidate(String ticket, boolean signedIn, String itemId, Map<String, byte[]> files) {
		return new CandidateResult(ticket, new TreeMap<>(), BigDecimal.ZERO,
				files.entrySet().stream().map(f -> new CandidateResult.Upload(itemId, f.getKey(), f.getValue())).toList(),
				signedIn ? java.time.Instant.now() : null, signedIn ? java.time.Instant.now() : null);
	}

	/** Writes, signs and uploads a result package (chunked, as the site does) and completes it. */
	ResultIntake.UploadState upload(World w, long sequence, List<CandidateResult> candidates) throws Exception {
		String siteCode = w.setup().r().site().code();
		var header = ResultPackageHeader.create(w.packageId(), siteCode, w.practice().id(), sequence, clock.instant());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ResultPackageWriter writer = ResultPackageWriter.start(bytes, header, w.site().getPrivate());
		candidates.forEach(writer::addCandidate);
		writer.finish();
		Path file = Files.createTempFile("grading-", ".kwres");
		try {
			Files.write(file, bytes.toByteArray());
			ChunkManifest manifest = ChunkManifest.of(file, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
			String path = "/api/v1/delivery/site/results/" + header.resultPackageId();
			intake.manifest(proof(w, "PUT", path), "PUT", path, header.resultPackageId(), manifest.encode());
			for (int i = 0; i < manifest.chunkCount(); i++) {
				String chunk = path + "/chunks/" + i;
				intake.chunk(proof(w, "PUT", chunk), "PUT", chunk, header.resultPackageId(), i,
						manifest.readChunk(file, i));
			}
			return intake.complete(proof(w, "POST", path + "/complete"), "POST", path + "/complete",
					header.resultPackageId());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private Delivery.SiteSignature proof(World w, String method, String path) {
		String time = String.valueOf(clock.millis());
		return new Delivery.SiteSignature(w.setup().r().site().code(), time,
				SiteRequest.sign(w.site().getPrivate(), method, path, time));
	}
}
