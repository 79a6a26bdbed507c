package cn.kaowu.platform.simulation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import cn.kaowu.exampackage.CandidateResult;
import cn.kaowu.exampackage.ChunkManifest;
import cn.kaowu.exampackage.ResultPackageHeader;
import cn.kaowu.exampackage.ResultPackageWriter;
import cn.kaowu.exampackage.SiteRequest;
import cn.kaowu.exampackage.Sm2Keys;

import cn.kaowu.platform.KaowuPlatformApplication;
import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.bank.ItemView;
import cn.kaowu.platform.candidate.CandidateImportBenchmark;
import cn.kaowu.platform.candidate.CandidateKind;
import cn.kaowu.platform.candidate.CandidateManagement;
import cn.kaowu.platform.candidate.CandidateMother;
import cn.kaowu.platform.candidate.NamePinyin;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.certificate.CertificateManagement;
import cn.kaowu.platform.certificate.IssueStatus;
import cn.kaowu.platform.certificate.IssueView;
import cn.kaowu.platform.delivery.Delivery;
import cn.kaowu.platform.enrollment.EnrollmentManagement;
import cn.kaowu.platform.enrollment.EnrollmentMother;
import cn.kaowu.platform.identity.AccountForm;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationForm;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationType;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.PilotApplicationForm;
import cn.kaowu.platform.pilot.PilotApplicationView;
import cn.kaowu.platform.pilot.PilotBatchForm;
import cn.kaowu.platform.pilot.PilotBatchView;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.plan.PlanManagement;
import cn.kaowu.platform.plan.PlanSubjectView;
import cn.kaowu.platform.plan.PlanView;
import cn.kaowu.platform.result.ResultIntake;
import cn.kaowu.platform.room.InvigilatorManagement;
import cn.kaowu.platform.room.InvigilatorView;
import cn.kaowu.platform.room.RoomForm;
import cn.kaowu.platform.room.RoomManagement;
import cn.kaowu.platform.schedule.Scheduling;
import cn.kaowu.platform.score.ScoreLocks;
import cn.kaowu.platform.score.ScoreManagement;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteMother;
import cn.kaowu.platform.site.SiteUpload;
import cn.kaowu.platform.site.SiteView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import cn.kaowu.platform.staff.Gender;
import cn.kaowu.platform.staff.StaffForm;
import cn.kaowu.platform.staff.StaffManagement;
import cn.kaowu.platform.staff.StaffRole;
import cn.kaowu.platform.staff.TrainingStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/simulation: a national exam driven end to end through the services, on a generated world of 3 ORGs (one
 * certificate and one plan each), 31 provinces, 800 colleges (each a pilot college of one ORG's certificate with one
 * approved site) and 300,000 院校考生 with valid ID numbers, names and pinyin ({@code -Dcandidates=n}; fewer colleges
 * for small sizes, about 375 candidates each, at least 31). The stages, with the AdjustableClock moved into each
 * window: world (organisations, accounts, certificates), pilot (batch per province, application, approval with a
 * scale covering the college's candidates), sites, plans, candidate import (one xlsx per college as import jobs),
 * verification, registration import (one xlsx per college, 初级 = 理论 + 实操), rooms and invigilators, scheduling
 * (run and publish per plan), scores (the ORG's score import, at most 50,000 rows per file: the simulated results),
 * publication and lock, certificates (generate, the college's principal and the ORG confirm in batches of 100).
 * Prints each stage's seconds and counts, the totals, and last
 * {@code simulation: candidates=N seconds=S peak_heap_mb=M}. Not a test: nothing asserts on time; it fails when a
 * stage does not produce what it must.
 */
public final class NationalSimulation {

	static final int CANDIDATES = Integer.getInteger("candidates", 300_000);

	static final int THREADS = Integer.getInteger("threads", 2);

	static final int PER_COLLEGE = 375;

	static final int SEATS = 40;

	static final int MAX_ROWS = 50_000;

	/** The sites whose servers enrol, get packages and send results: the first college of each province. */
	static final int SAMPLE_SITES = Integer.getInteger("sampleSites", 31);

	static final String PASSWORD = "Kaowu#2026sim";

	static final String[][] PROVINCES = { { "11", "北京市" }, { "12", "天津市" }, { "13", "河北省" }, { "14", "山西省" },
			{ "15", "内蒙古自治区" }, { "21", "辽宁省" }, { "22", "吉林省" }, { "23", "黑龙江省" }, { "31", "上海市" },
			{ "32", "江苏省" }, { "33", "浙江省" }, { "34", "安徽省" }, { "35", "福建省" }, { "36", "江西省" },
			{ "37", "山东省" }, { "41", "河南省" }, { "42", "湖北省" }, { "43", "湖南省" }, { "44", "广东省" },
			{ "45", "广西壮族自治区" }, { "46", "海南省" }, { "50", "重庆市" }, { "51", "四川省" }, { "52", "贵州省" },
			{ "53", "云南省" }, { "54", "西藏自治区" }, { "61", "陕西省" }, { "62", "甘肃省" }, { "63", "青海省" },
			{ "64", "宁夏回族自治区" }, { "65", "新疆维吾尔自治区" } };

	static final String[] ORGS = { "北京鸿科经纬科技有限公司", "北京博导前程信息技术股份有限公司", "奥派培训中心" };

	static final String[] SURNAMES = { "张", "王", "李", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
			"郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "欧阳" };

	static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
			"秀", "霞", "平", "刚", "浩", "宇", "欣", "悦", "婷", "鹏", "辉", "玲", "雪", "佳", "琳", "凯", "思远", "子涵", "雨萱", "梓轩" };

	static final String[] MAJORS = { "电子商务", "530701", "网络营销与直播电商", "530703", "跨境电子商务", "530702" };

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(KaowuPlatformApplication.class);
		app.setAdditionalProfiles("test");
		// The real job runner (imports run as jobs), two at a time like production on two cores.
		ConfigurableApplicationContext ctx = app.run("--server.port=0", "--kaowu.jobs.poll-ms=100",
				"--kaowu.jobs.concurrency=" + THREADS, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
		int status = 0;
		try {
			new NationalSimulation(ctx).run();
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		finally {
			ctx.close();
		}
		System.exit(status);
	}

	// ---- the world as generated ----------------------------------------------------------------------------------

	record Org(OrganisationView view, Scope scope, CertificateView certificate, PilotMother.Setting setting) {
	}

	static final class College {

		final int index;

		final OrganisationView view;

		final Scope admin;

		final Org org;

		final int provinceIndex;

		final List<List<String>> people = new ArrayList<>();

		Scope principal;

		SiteView site;

		College(int index, OrganisationView view, Org org, int provinceIndex) {
			this.index = index;
			this.view = view;
			this.org = org;
			this.provinceIndex = provinceIndex;
			this.admin = new Scope(null, "sim.college" + index, Role.COLLEGE_ADMIN, view.id(), view.provinceId(), null);
		}
	}

	private final ConfigurableApplicationContext ctx;

	private final AdjustableClock clock;

	private final JdbcClient jdbc;

	private final Jobs jobs;

	private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

	private final List<String[]> table = new ArrayList<>();

	private final List<Org> orgs = new ArrayList<>();

	private final List<OrganisationView> provinces = new ArrayList<>();

	private final List<College> colleges = new ArrayList<>();

	private final Map<Long, PlanView> plans = new ConcurrentHashMap<>();

	private NationalSimulation(ConfigurableApplicationContext ctx) {
		this.ctx = ctx;
		this.clock = ctx.getBean(AdjustableClock.class);
		this.jdbc = ctx.getBean(JdbcClient.class);
		this.jobs = ctx.getBean(Jobs.class);
	}

	private <T> T bean(Class<T> type) {
		return ctx.getBean(type);
	}

	void run() throws Exception {
		int collegeCount = Math.max(PROVINCES.length, Math.min(800, Math.round(CANDIDATES / (float) PER_COLLEGE)));
		System.out.printf("simulation of %,d candidates at %d colleges in %d provinces, %d ORGs, %d threads%n",
				CANDIDATES, collegeCount, PROVINCES.length, ORGS.length, THREADS);
		System.out.printf(ROW + "%n", "stage", "seconds", "items", "items/s", "counts");
		CandidateImportBenchmark.HeapSampler heap = new CandidateImportBenchmark.HeapSampler();
		heap.start();
		long start = System.nanoTime();
		try {
			stage("world", () -> world(collegeCount));
			stage("pilot", this::pilot);
			stage("sites", this::sites);
			stage("plans", this::plans);
			stage("candidate-import", this::candidates);
			stage("verification", this::verification);
			stage("registration-import", this::registrations);
			stage("rooms", this::rooms);
			stage("scheduling", this::scheduling);
			String sample = "(sample " + Math.min(SAMPLE_SITES, collegeCount) + " sites)";
			stage("packages" + sample, this::packages);
			stage("results" + sample, this::results);
			stage("scores", this::scores);
			stage("publication-lock", this::lock);
			stage("certificates-generate", this::generate);
			stage("certificates-college", this::collegeSignOff);
			stage("certificates-org", this::orgSignOff);
		}
		finally {
			clock.reset();
			pool.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long peak = heap.finish();
		System.out.println();
		System.out.printf(ROW + "%n", "stage", "seconds", "items", "items/s", "counts");
		for (String[] row : table) {
			System.out.printf(ROW + "%n", (Object[]) row);
		}
		System.out.printf(ROW + "%n", "total", String.format("%.1f", seconds), CANDIDATES, rate(CANDIDATES / seconds),
				totals());
		System.out.printf("simulation: candidates=%d seconds=%.0f peak_heap_mb=%d%n", CANDIDATES, seconds,
				peak / (1024 * 1024));
	}

	interface Stage {

		Done run() throws Exception;
	}

	/** What a stage did: its items (the figure items/s is computed from) and the counts behind them. */
	record Done(long items, String counts) {
	}

	static Done done(long items, String format, Object... args) {
		return new Done(items, String.format(format, args));
	}

	private void stage(String name, Stage stage) throws Exception {
		long t0 = System.nanoTime();
		Done done = stage.run();
		double s = (System.nanoTime() - t0) / 1e9;
		String[] row = { name, String.format("%.1f", s), String.valueOf(done.items()),
				rate(done.items() / Math.max(s, 0.001)), done.counts() };
		table.add(row);
		System.out.printf(ROW + "%n", (Object[]) row);
	}

	static final String ROW = "%-26s %8s %8s %8s  %s";

	static String rate(double perSecond) {
		return perSecond < 100 ? String.format("%.1f", perSecond) : String.valueOf(Math.round(perSecond));
	}

	/** Runs the work on the pool's threads, one item at a time each, and fails with the first failure. */
	private <T> void parallel(List<T> items, Consumer<T> work) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (T item : items) {
			futures.add(pool.submit(() -> work.accept(item)));
		}
		for (Future<?> f : futures) {
			f.get();
		}
	}

	// ---- stages ----------------------------------------------------------------------------------------------------

	private Done world(int collegeCount) throws Exception {
		OrganisationManagement organisations = bean(OrganisationManagement.class);
		for (String[] p : PROVINCES) {
			provinces.add(org(organisations, OrganisationType.PROVINCE, p[1] + "教育厅", p[0] + "0000", null));
		}
		PilotMother pilots = new PilotMother(null, bean(PilotManagement.class), bean(CatalogManagement.class), clock);
		QualificationChecklists checklists = bean(QualificationChecklists.class);
		for (int i = 0; i < ORGS.length; i++) {
			OrganisationView o = org(organisations, OrganisationType.ORG, ORGS[i], "ORG-SIM" + i, null);
			AccountView account = account("sim.org" + i, ORGS[i] + " 考务专员", Role.ORG, o.id());
			Scope scope = new Scope(account.id(), account.username(), Role.ORG, o.id(), null, null);
			CertificateView certificate = pilots.certificate(scope);
			checklists.add(scope, certificate.id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
			orgs.add(new Org(o, scope, certificate, null));
		}
		// Colleges spread over the provinces (more in the first ones, as in life), each with one ORG's certificate.
		for (int i = 0; i < collegeCount; i++) {
			int p = i % PROVINCES.length;
			OrganisationView c = org(organisations, OrganisationType.COLLEGE,
					PROVINCES[p][1].substring(0, 2) + "第" + (i / PROVINCES.length + 1) + "职业技术学院",
					String.valueOf(20000 + i), provinces.get(p).id());
			colleges.add(new College(i, c, orgs.get(i % ORGS.length), p));
		}
		// The people: valid ID numbers of the college's province, born 2002–2005, names with their pinyin.
		int[] perProvince = new int[PROVINCES.length];
		for (int k = 0; k < CANDIDATES; k++) {
			College c = colleges.get(k % collegeCount);
			int j = perProvince[c.provinceIndex]++;
			LocalDate born = LocalDate.of(2002, 1, 1).plusDays(j / 1000);
			String first17 = PROVINCES[c.provinceIndex][0] + "0102" + born.toString().replace("-", "")
					+ String.format("%03d", j % 1000);
			String name = SURNAMES[k % SURNAMES.length] + GIVEN[(k / SURNAMES.length) % GIVEN.length]
					+ (k % 3 == 0 ? GIVEN[(k / 7) % 32] : "");
			int major = (k % 3) * 2;
			c.people.add(List.of(name, NamePinyin.suggest(name).orElseThrow(), k % 2 == 0 ? "男" : "女", "身份证",
					ChineseIdNumber.complete(first17), "13" + String.format("%09d", k), "2024", "高职", MAJORS[major],
					MAJORS[major + 1]));
		}
		// Each college's principal signs its certificates; the accounts in parallel (password hashing).
		parallel(colleges, c -> {
			AccountView a = account("sim.principal" + c.index, c.view.name() + " 校长", Role.COLLEGE_PRINCIPAL,
					c.view.id());
			c.principal = new Scope(a.id(), a.username(), Role.COLLEGE_PRINCIPAL, c.view.id(), c.view.provinceId(), null);
		});
		return done(CANDIDATES, "orgs=%d provinces=%d colleges=%d accounts=%d candidates_generated=%d", orgs.size(),
				provinces.size(), colleges.size(), colleges.size() + orgs.size(), CANDIDATES);
	}

	private Done pilot() throws Exception {
		PilotManagement pilot = bean(PilotManagement.class);
		PilotMother pilots = new PilotMother(null, pilot, bean(CatalogManagement.class), clock);
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		Map<Long, PilotBatchView> batches = new ConcurrentHashMap<>();
		for (OrganisationView p : provinces) {
			Scope scope = provinceScope(p);
			PilotBatchView b = pilot.createBatch(scope, PilotBatchForm.of(p.name() + today.getYear() + "年度1+X试点申报",
					today.getYear(), today.minusDays(1).atStartOfDay(), today.plusDays(1).atTime(23, 59), true, false));
			batches.put(p.id(), pilot.publishBatch(scope, b.id()));
		}
		AtomicInteger approved = new AtomicInteger();
		AtomicInteger scale = new AtomicInteger();
		parallel(colleges, c -> {
			PilotApplicationForm form = pilots.form(batches.get(c.view.provinceId()).id(), c.org.certificate().id());
			int planned = c.people.size() + 20;
			form.setPlannedTrainees(Math.max(200, planned));
			PilotApplicationView a = pilot.createApplication(c.admin, form, List.of());
			pilot.submit(c.admin, a.id());
			pilot.approve(provinceScope(provinces.get(c.provinceIndex)), a.id(), planned);
			approved.incrementAndGet();
			scale.addAndGet(planned);
		});
		return done(approved.get(), "batches=%d approved=%d scale=%d", batches.size(), approved.get(), scale.get());
	}

	private Done sites() throws Exception {
		SiteManagement sites = bean(SiteManagement.class);
		QualificationChecklists checklists = bean(QualificationChecklists.class);
		// The same application form and room photo for every college (drawing a PDF each time is not the point).
		SiteUpload form = new SiteUpload("考核站点申请表.pdf", SiteMother.pdf("考核站点申请表"));
		SiteUpload photo = new SiteUpload("机房.png", SiteMother.png(0x3366AA));
		parallel(colleges, c -> {
			SiteView applied = sites.create(c.admin, SiteMother.form(c.org.certificate().id()), form, List.of(photo));
			sites.submit(c.admin, applied.id());
			c.site = sites.approve(c.org.scope(), applied.id(),
					SiteMother.allMet(checklists.of(c.org.scope(), c.org.certificate().id())));
		});
		return done(colleges.size(), "approved=%d", colleges.size());
	}

	private Done plans() {
		EnrollmentMother mother = enrollmentMother();
		for (Org o : orgs) {
			PlanView plan = mother.openPlan(setting(o));
			plans.put(o.view().id(), plan);
		}
		return done(plans.size(), "published=%d", plans.size());
	}

	private Done candidates() throws Exception {
		CandidateManagement candidates = bean(CandidateManagement.class);
		List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
		parallel(colleges, c -> {
			byte[] file = Spreadsheets.sheet("考生",
					CandidateMother.HEADERS.stream().map(h -> new Spreadsheets.Column(h, 12)).toList(), c.people);
			submitted.add(new Submitted(c.admin,
					candidates.startImport(c.admin, CandidateKind.COLLEGE, "考生" + c.view.code() + ".xlsx", file),
					c.people.size()));
		});
		int stored = await(submitted);
		return done(stored, "files=%d rows=%d", submitted.size(), stored);
	}

	/**
	 * 身份核验 needs a photo per candidate (the offline verifier checks it); 300,000 generated photos would be most of
	 * the disk and time of this run for a step that reads each once, so the imported candidates are marked 已核验 with
	 * one UPDATE — the one domain write here that is not a service call.
	 */
	private Done verification() {
		int n = jdbc.sql("UPDATE candidate SET state = 'VERIFIED', updated_at = now() WHERE kind = 'COLLEGE'").update();
		return done(n, "verified=%d (SQL, no photos)", n);
	}

	private Done registrations() throws Exception {
		EnrollmentManagement enrollment = bean(EnrollmentManagement.class);
		CatalogManagement catalog = bean(CatalogManagement.class);
		Map<Long, String> levelCodes = new ConcurrentHashMap<>();
		for (Org o : orgs) {
			PlanView plan = plans.get(o.view().id());
			long junior = plan.levels().stream().filter(l -> l.level() == CertificateLevel.JUNIOR).findFirst()
				.orElseThrow().levelId();
			levelCodes.put(o.view().id(), catalog.findLevel(junior).orElseThrow().code());
		}
		List<Spreadsheets.Column> columns = List.of("*考生姓名", "*证件号码", "*考生类型", "*证书编号", "*报考证书", "*证书等级",
				"*考核站点编号", "*考核站点").stream().map(h -> new Spreadsheets.Column(h, 12)).toList();
		List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
		parallel(colleges, c -> {
			List<List<String>> rows = new ArrayList<>(c.people.size());
			for (List<String> p : c.people) {
				rows.add(List.of(p.get(0), p.get(4), "院校考生", levelCodes.get(c.org.view().id()),
						c.org.certificate().name() + "职业技能等级证书", "初级", String.valueOf(c.site.code()),
						c.site.name()));
			}
			PlanView plan = plans.get(c.org.view().id());
			submitted.add(new Submitted(c.admin, enrollment.startImport(c.admin, plan.id(),
					"报考" + c.view.code() + ".xlsx", Spreadsheets.sheet("报考", columns, rows)), c.people.size()));
		});
		int stored = await(submitted);
		long records = count("SELECT count(*) FROM registration_record");
		return done(stored, "files=%d candidates=%d records=%d", submitted.size(), stored, records);
	}

	private Done rooms() throws Exception {
		RoomManagement rooms = bean(RoomManagement.class);
		StaffManagement staff = bean(StaffManagement.class);
		InvigilatorManagement invigilators = bean(InvigilatorManagement.class);
		AtomicInteger roomCount = new AtomicInteger();
		AtomicInteger staffCount = new AtomicInteger();
		LocalDate trained = LocalDate.now(clock.withZone(AdjustableClock.CHINA)).minusMonths(3);
		parallel(colleges, c -> {
			PlanView plan = plans.get(c.org.view().id());
			List<Long> junior = plan.subjects().stream().filter(s -> s.level() == CertificateLevel.JUNIOR)
				.map(PlanSubjectView::id).toList();
			int n = (c.people.size() + SEATS - 1) / SEATS;
			for (int r = 1; r <= n; r++) {
				rooms.create(c.admin, plan.id(), c.site.id(),
						RoomForm.of("第" + r + "考场", "明德楼" + (100 + r) + "室", null, SEATS, junior));
			}
			List<Long> ids = new ArrayList<>();
			for (int k = 0; k < 2 * n; k++) {
				int serial = c.index * 100 + k;
				String id = ChineseIdNumber.complete(PROVINCES[c.provinceIndex][0] + "0102"
						+ LocalDate.of(1975, 1, 1).plusDays(serial / 1000).toString().replace("-", "")
						+ String.format("%03d", serial % 1000));
				ids.add(staff.create(c.admin, StaffForm.of("监考员" + GIVEN[k % GIVEN.length] + k, Gender.FEMALE, id,
						"139" + String.format("%08d", serial), k % 2 == 0 ? "信息工程学院" : "经济管理学院",
						StaffRole.INVIGILATOR, TrainingStatus.TRAINED, trained, new BigDecimal("3"))).id());
			}
			for (InvigilatorView v : invigilators.submit(c.admin, plan.id(), c.site.id(), ids)) {
				invigilators.approve(c.org.scope(), v.id());
			}
			roomCount.addAndGet(n);
			staffCount.addAndGet(ids.size());
		});
		return done(roomCount.get(), "rooms=%d seats=%d invigilators=%d", roomCount.get(), roomCount.get() * SEATS,
				staffCount.get());
	}

	private Done scheduling() throws Exception {
		Scheduling scheduling = bean(Scheduling.class);
		clock.setInstant(plans.values().iterator().next().scheduling().opensAt().plusSeconds(60));
		AtomicInteger records = new AtomicInteger();
		AtomicInteger sites = new AtomicInteger();
		AtomicInteger warnings = new AtomicInteger();
		parallel(orgs, o -> {
			PlanView plan = plans.get(o.view().id());
			Scheduling.RunSummary summary = scheduling.run(o.scope(), plan.id(), null);
			if (!summary.blocked().isEmpty()) {
				throw new IllegalStateException("blocked: " + summary.blocked().stream().limit(3).toList());
			}
			sites.addAndGet(scheduling.publish(o.scope(), plan.id()));
			records.addAndGet(summary.records());
			warnings.addAndGet(summary.warnings().size());
		});
		long scheduled = count("SELECT count(*) FROM registration_record WHERE scheduled_at IS NOT NULL");
		require(scheduled == records.get(), "scheduled " + scheduled + " of " + records.get());
		return done(records.get(), "records=%d sites=%d warnings=%d", records.get(), sites.get(), warnings.get());
	}

	private Done scores() throws Exception {
		ScoreManagement scores = bean(ScoreManagement.class);
		Scheduling scheduling = bean(Scheduling.class);
		clock.setInstant(plans.values().iterator().next().scoreRegistration().opensAt().plusSeconds(60));
		List<Spreadsheets.Column> columns = List.of(new Spreadsheets.Column("*准考证号", 20),
				new Spreadsheets.Column("*身份证号", 12), new Spreadsheets.Column("*科目", 14),
				new Spreadsheets.Column("成绩", 10), new Spreadsheets.Column("备注", 10));
		List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
		parallel(orgs, o -> {
			PlanView plan = plans.get(o.view().id());
			Map<Long, PlanSubjectView> subjects = new java.util.HashMap<>();
			plan.subjects().forEach(s -> subjects.put(s.id(), s));
			List<List<String>> rows = new ArrayList<>();
			int part = 0;
			for (long siteId : scheduling.publishedSites(plan.id())) {
				List<Scheduling.Seated> seats = scheduling.publishedSeats(plan.id(), siteId);
				if (rows.size() + seats.size() > MAX_ROWS) {
					submitted.add(new Submitted(o.scope(), scores.startImport(o.scope(), plan.id(),
							"成绩" + (++part) + ".xlsx", Spreadsheets.sheet("成绩", columns, rows)), rows.size()));
					rows = new ArrayList<>();
				}
				for (Scheduling.Seated seat : seats) {
					PlanSubjectView subject = subjects.get(seat.planSubjectId());
					int simulated = simulatedScore(seat.ticketNumber(), subject.id());
					boolean absent = simulated < 0;
					String score = absent ? "" : String.valueOf(simulated);
					String masked = seat.idNumberMasked();
					rows.add(List.of(seat.ticketNumber(), masked.substring(masked.length() - 4),
							subject.level().withSubject(subject.subjectName()), score, absent ? "缺考" : ""));
				}
			}
			if (!rows.isEmpty()) {
				submitted.add(new Submitted(o.scope(), scores.startImport(o.scope(), plan.id(),
						"成绩" + (++part) + ".xlsx", Spreadsheets.sheet("成绩", columns, rows)), rows.size()));
			}
		});
		int stored = await(submitted);
		return done(stored, "files=%d rows=%d", submitted.size(), stored);
	}

	// The practical item of each ORG's 初级实操 (its id as packages and results name it: id + "v" + version).
	private final Map<Long, String> practicalItem = new ConcurrentHashMap<>();

	private final Map<Long, KeyPair> siteKeys = new ConcurrentHashMap<>();

	private final Map<Long, String> siteCodes = new ConcurrentHashMap<>();

	/**
	 * The exam packages through the real build: each ORG's bank (10 single-choice items for 初级理论, one practical
	 * task for 初级实操) and blueprints; the sample's site servers enrol with their own SM2 keys (the others are
	 * skipped by the build as not enrolled: each package costs about 0.6 s of key derivation, 1,600 for the full
	 * size); then each ORG builds its plan.
	 */
	private Done packages() throws Exception {
		BankManagement bank = bean(BankManagement.class);
		Delivery delivery = bean(Delivery.class);
		for (Org o : orgs) {
			PlanView plan = plans.get(o.view().id());
			PlanSubjectView theory = junior(plan, "理论");
			PlanSubjectView practice = junior(plan, "实操");
			for (int i = 0; i < 10; i++) {
				bank.create(o.scope(), ItemForm.objective(theory.levelId(), theory.subjectId(), ItemType.SINGLE, "网店开设",
						2, 10, "第 " + (i + 1) + " 题：网店开设的第一步是？", List.of("实名认证", "店铺装修", "推广引流"), "A"));
			}
			bank.saveBlueprint(o.scope(), theory.levelId(), theory.subjectId(),
					BlueprintForm.of(List.of(new Blueprint.Line(ItemType.SINGLE, "网店开设", 10, 10))));
			ItemView item = bank.create(o.scope(), ItemForm.practical(practice.levelId(), practice.subjectId(), "店铺装修", 3,
					100, "完成店铺首页装修，上传首页截图。", List.of(new ItemBody.Criterion("作品完整", 60),
							new ItemBody.Criterion("页面美观", 40))));
			bank.saveBlueprint(o.scope(), practice.levelId(), practice.subjectId(),
					BlueprintForm.of(List.of(new Blueprint.Line(ItemType.PRACTICAL, "店铺装修", 1, 100))));
			practicalItem.put(o.view().id(), item.id() + "v" + item.version());
		}
		for (College c : sample()) {
			KeyPair key = Sm2Keys.generateKeyPair();
			delivery.enrol(c.site.code(), delivery.enrolmentToken(c.admin, c.site.id()).token(),
					Sm2Keys.toPem(key.getPublic()));
			siteKeys.put(c.site.id(), key);
			siteCodes.put(c.site.id(), c.site.code());
		}
		AtomicInteger built = new AtomicInteger();
		AtomicInteger skipped = new AtomicInteger();
		parallel(orgs, o -> {
			Delivery.BuildSummary summary = delivery.build(o.scope(), plans.get(o.view().id()).id());
			built.addAndGet(summary.packages());
			skipped.addAndGet(summary.skipped().size());
		});
		long seats = count("SELECT coalesce(sum(candidates), 0) FROM exam_package");
		require(built.get() == 2 * sample().size(), "built " + built.get() + " packages for " + sample().size() + " sites");
		return done(built.get(), "packages=%d candidates=%d skipped_not_enrolled=%d", built.get(), seats,
				skipped.get());
	}

	/**
	 * The results as the sample's sites send them after the slots: a signed result package per exam package (the
	 * simulated 理论 score as graded on the site, a screenshot for 实操, 2 % absent), chunked, through the real
	 * intake (verification, take-in, 实操 grading tasks).
	 */
	private Done results() throws Exception {
		Delivery delivery = bean(Delivery.class);
		ResultIntake intake = bean(ResultIntake.class);
		Instant end = plans.values().stream().flatMap(p -> p.subjects().stream()).map(PlanSubjectView::endsAt)
			.max(Instant::compareTo).orElseThrow();
		clock.setInstant(end.plusSeconds(600));
		byte[] screenshot = SiteMother.png(0x33AA66);
		List<Runnable> uploads = new ArrayList<>();
		AtomicInteger taken = new AtomicInteger();
		AtomicInteger sat = new AtomicInteger();
		for (Org o : orgs) {
			PlanView plan = plans.get(o.view().id());
			for (Delivery.PackageView p : delivery.packagesOfOwnPlan(o.scope(), plan.id())) {
				uploads.add(() -> {
					KeyPair key = siteKeys.get(p.siteId());
					boolean practical = p.planSubjectId() == junior(plan, "实操").id();
					List<CandidateResult> results = new ArrayList<>();
					for (Scheduling.Seated seat : bean(Scheduling.class).publishedSeats(plan.id(), p.siteId())) {
						if (seat.planSubjectId() != p.planSubjectId()) {
							continue;
						}
						int score = simulatedScore(seat.ticketNumber(), p.planSubjectId());
						Instant in = score < 0 ? null : end.minusSeconds(3600);
						results.add(new CandidateResult(seat.ticketNumber(), new TreeMap<>(),
								practical || score < 0 ? BigDecimal.ZERO : BigDecimal.valueOf(score),
								practical && score >= 0 ? List.of(new CandidateResult.Upload(practicalItem.get(o.view().id()),
										"首页截图.png", screenshot)) : List.of(),
								in, in == null ? null : end.minusSeconds(60)));
						if (in != null) {
							sat.incrementAndGet();
						}
					}
					ResultIntake.UploadState state = upload(intake, siteCodes.get(p.siteId()), key, p, results);
					require(state.status() == ResultIntake.Status.ACCEPTED, p.id() + ": " + state);
					taken.addAndGet(results.size());
				});
			}
		}
		parallel(uploads, Runnable::run);
		long tasks = count("SELECT count(*) FROM grading_task");
		return done(taken.get(), "result_packages=%d candidates=%d sat=%d grading_tasks=%d", uploads.size(),
				taken.get(), sat.get(), tasks);
	}

	/** Writes, signs and uploads a result package in chunks as the site does, and completes it. */
	private ResultIntake.UploadState upload(ResultIntake intake, String siteCode, KeyPair key, Delivery.PackageView p,
			List<CandidateResult> results) {
		try {
			ResultPackageHeader header = ResultPackageHeader.create(p.id(), siteCode, p.planSubjectId(), 1,
					clock.instant());
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ResultPackageWriter writer = ResultPackageWriter.start(bytes, header, key.getPrivate());
			results.forEach(writer::addCandidate);
			writer.finish();
			Path file = Files.createTempFile("simulation-", ".kwres");
			try {
				Files.write(file, bytes.toByteArray());
				ChunkManifest manifest = ChunkManifest.of(file, header.resultPackageId(), ChunkManifest.MIN_CHUNK_SIZE);
				String path = "/api/v1/delivery/site/results/" + header.resultPackageId();
				intake.manifest(proof(siteCode, key, "PUT", path), "PUT", path, header.resultPackageId(),
						manifest.encode());
				for (int i = 0; i < manifest.chunkCount(); i++) {
					String chunk = path + "/chunks/" + i;
					intake.chunk(proof(siteCode, key, "PUT", chunk), "PUT", chunk, header.resultPackageId(), i,
							manifest.readChunk(file, i));
				}
				return intake.complete(proof(siteCode, key, "POST", path + "/complete"), "POST", path + "/complete",
						header.resultPackageId());
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Delivery.SiteSignature proof(String siteCode, KeyPair key, String method, String path) {
		String time = String.valueOf(clock.millis());
		return new Delivery.SiteSignature(siteCode, time, SiteRequest.sign(key.getPrivate(), method, path, time));
	}

	private List<College> sample() {
		return colleges.subList(0, Math.min(SAMPLE_SITES, colleges.size()));
	}

	private static PlanSubjectView junior(PlanView plan, String subject) {
		return plan.subjects().stream()
			.filter(s -> s.level() == CertificateLevel.JUNIOR && s.subjectName().equals(subject))
			.findFirst().orElseThrow();
	}

	/** The simulated result of a seat: -1 absent (2 %), else 50–100 (pass mark 60); the same in results and scores. */
	static int simulatedScore(String ticketNumber, long planSubjectId) {
		int h = Math.floorMod((ticketNumber + planSubjectId).hashCode() * 31 + 7, 1000);
		return h < 20 ? -1 : 50 + h % 51;
	}

	private Done lock() {
		PlanView plan = plans.values().iterator().next();
		clock.setInstant(plan.publication().closesAt().plusSeconds(60));
		int locked = bean(ScoreLocks.class).sweep();
		return done(locked, "plans_locked=%d", locked);
	}

	private final AtomicInteger generated = new AtomicInteger();

	private Done generate() {
		CertificateManagement certificates = bean(CertificateManagement.class);
		for (Org o : orgs) {
			generated.addAndGet(certificates.generate(o.scope(), plans.get(o.view().id()).id()).total());
		}
		return done(generated.get(), "generated=%d (passers of both subjects)", generated.get());
	}

	/**
	 * The college side: each principal accepts the agreement, uploads the stamp, names itself approver and confirms
	 * its rows in batches of 100, each with its password (one password hash check per batch).
	 */
	private Done collegeSignOff() throws Exception {
		CertificateManagement certificates = bean(CertificateManagement.class);
		byte[] stamp = stamp();
		AtomicInteger confirmed = new AtomicInteger();
		AtomicInteger batches = new AtomicInteger();
		parallel(colleges, c -> {
			certificates.acceptAgreement(c.principal);
			certificates.uploadStamp(c.principal, "签章.png", stamp);
			certificates.delegate(c.principal, c.principal.accountId());
			List<Long> ids = certificates.list(c.principal, plans.get(c.org.view().id()).id(), null).stream()
				.map(IssueView::id).toList();
			for (int i = 0; i < ids.size(); i += CertificateManagement.MAX_BATCH) {
				certificates.confirm(c.principal, ids.subList(i, Math.min(ids.size(), i + CertificateManagement.MAX_BATCH)),
						PASSWORD);
				batches.incrementAndGet();
			}
			progress("college sign-off", confirmed.addAndGet(ids.size()), generated.get());
		});
		return done(confirmed.get(), "confirmed=%d batches=%d", confirmed.get(), batches.get());
	}

	/** The ORG side, batches of 100 on both threads; a row confirmed by both sides is final and numbered. */
	private Done orgSignOff() throws Exception {
		CertificateManagement certificates = bean(CertificateManagement.class);
		List<Runnable> batches = new ArrayList<>();
		AtomicInteger confirmed = new AtomicInteger();
		for (Org o : orgs) {
			List<Long> ids = certificates.list(o.scope(), plans.get(o.view().id()).id(), IssueStatus.PENDING).stream()
				.map(IssueView::id).toList();
			for (int i = 0; i < ids.size(); i += CertificateManagement.MAX_BATCH) {
				List<Long> batch = ids.subList(i, Math.min(ids.size(), i + CertificateManagement.MAX_BATCH));
				batches.add(() -> {
					certificates.confirm(o.scope(), batch, PASSWORD);
					progress("org sign-off", confirmed.addAndGet(batch.size()), generated.get());
				});
			}
		}
		parallel(batches, Runnable::run);
		long numbered = count("SELECT count(*) FROM certificate_issue WHERE status = 'FINAL' AND certificate_number IS NOT NULL");
		require(numbered == generated.get(), "final " + numbered + " of " + generated.get());
		return done(numbered, "batches=%d final_numbered=%d", batches.size(), numbered);
	}

	private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();

	/** A progress line at most every 30 s, for the long stages of the full size. */
	private void progress(String what, int done, int total) {
		long now = System.nanoTime();
		Long last = lastProgress.putIfAbsent(what, now);
		if (last != null && now - last > 30_000_000_000L && lastProgress.replace(what, last, now)) {
			System.out.printf("  %s: %d%s%n", what, done, total < 0 ? " rows" : " of " + total);
		}
	}

	// ---- helpers ---------------------------------------------------------------------------------------------------

	record Submitted(Scope scope, JobView job, int rows) {
	}

	/** Waits for the jobs; each must have taken all its rows. Answers the rows taken. */
	private int await(List<Submitted> submitted) throws InterruptedException {
		int total = 0;
		for (Submitted s : submitted) {
			JobView job;
			while (!(job = jobs.get(s.scope(), s.job().id())).state().finished()) {
				Thread.sleep(50);
			}
			if (job.succeeded() != s.rows() || job.failed() != 0) {
				throw new IllegalStateException(job.kind() + " " + job.inputName() + ": " + job.state() + " "
						+ job.succeeded() + " of " + s.rows() + ", failed " + job.failed() + ": " + job.message());
			}
			total += job.succeeded();
			progress(job.kind(), total, -1);
		}
		return total;
	}

	private String totals() {
		return String.format("candidates=%d records=%d scores=%d certificates=%d audit=%d jobs=%d",
				count("SELECT count(*) FROM candidate"), count("SELECT count(*) FROM registration_record"),
				count("SELECT count(*) FROM score_record"), count("SELECT count(*) FROM certificate_issue"),
				count("SELECT count(*) FROM audit_entry"), count("SELECT count(*) FROM job"));
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void require(boolean ok, String what) {
		if (!ok) {
			throw new IllegalStateException(what);
		}
	}

	private EnrollmentMother enrollmentMother() {
		return new EnrollmentMother(null, bean(PilotManagement.class), bean(CatalogManagement.class), clock,
				bean(SiteManagement.class), bean(QualificationChecklists.class), bean(PlanManagement.class),
				bean(CandidateManagement.class));
	}

	private static PilotMother.Setting setting(Org o) {
		return new PilotMother.Setting(null, null, null, o.view(), o.certificate(), null, null, null, null, null, null,
				null, o.scope());
	}

	private static Scope provinceScope(OrganisationView p) {
		return new Scope(null, "sim.province", Role.PROVINCE, p.id(), p.id(), null);
	}

	private static OrganisationView org(OrganisationManagement organisations, OrganisationType type, String name,
			String code, Long provinceId) {
		OrganisationForm form = new OrganisationForm();
		form.setType(type);
		form.setName(name);
		form.setCode(code);
		form.setProvinceId(provinceId);
		return organisations.create(Scope.system(), form);
	}

	private AccountView account(String username, String displayName, Role role, long organisationId) {
		AccountForm form = new AccountForm();
		form.setUsername(username);
		form.setDisplayName(displayName);
		form.setRole(role);
		form.setOrganisationId(organisationId);
		return bean(AccountManagement.class).createWithPassword(Scope.system(), form, PASSWORD, false);
	}

	/** A red round seal on a transparent square, 120×120. */
	static byte[] stamp() {
		BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 20, 30, 230));
		g.setStroke(new BasicStroke(6));
		g.drawOval(5, 5, 110, 110);
		g.fillOval(45, 45, 30, 30);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
