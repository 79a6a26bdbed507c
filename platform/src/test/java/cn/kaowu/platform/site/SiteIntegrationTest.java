package cn.kaowu.platform.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.AccessDeniedProblem;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.IllegalStateTransition;
import cn.kaowu.platform.kernel.InvalidInputProblem;
import cn.kaowu.platform.kernel.NotFoundProblem;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.pilot.PilotMother;
import cn.kaowu.platform.pilot.PilotMother.Setting;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The site workflow on PostgreSQL: every transition, every refusal, the certificate PDF and the filing. */
@IntegrationTest
class SiteIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	PilotManagement pilot;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	SiteManagement sites;

	@Autowired
	QualificationChecklists checklists;

	@Autowired
	ExamSites examSites;

	@Autowired
	AdjustableClock clock;

	@Autowired
	JdbcClient jdbc;

	PilotMother mother;

	Setting s;

	@BeforeEach
	void pilotCollege() {
		mother = new PilotMother(world, pilot, catalog, clock);
		s = mother.setting();
		mother.approvedPilot(s, s.collegeScope(), s.certificate());
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("考场", "至少 40 个考位", "004"));
		checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of("监控", "每考场 2 个摄像头", "002"));
	}

	ApiClient api(cn.kaowu.platform.identity.AccountView account) {
		return new ApiClient(port).login(account.username(), TestWorld.PASSWORD);
	}

	@Test
	void collegeAppliesOrgReturnsCollegeResubmitsOrgApprovesProvinceSeesTheFiling() throws Exception {
		SiteView site = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		assertThat(site.name()).isEqualTo(s.college().name() + s.certificate().name() + "考核站点");
		assertThat(site.status()).isEqualTo(SiteApplicationStatus.DRAFT);
		assertThat(site.photos()).hasSize(1);
		// Nobody but the college sees a draft.
		assertThatThrownBy(() -> sites.get(s.orgScope(), site.id())).isInstanceOf(NotFoundProblem.class);

		ApiClient college = api(s.collegeAccount());
		ApiClient org = api(s.orgAccount());
		ApiClient province = api(s.provinceAccount());
		assertThat(college.post("/api/v1/sites/" + site.id() + "/submit", Map.of()).text("status")).isEqualTo("SUBMITTED");
		JsonNode queue = org.get("/api/v1/sites/reviews").body();
		assertThat(queue.path("items").valueStream().map(n -> n.path("id").asLong())).contains(site.id());

		var noReason = org.post("/api/v1/sites/" + site.id() + "/return", Map.of("items", List.of()));
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.fieldError("reason")).isEqualTo("退回须填写原因");
		List<ChecklistItemView> items = sites.checklistFor(s.orgScope(), site.id());
		var returned = org.post("/api/v1/sites/" + site.id() + "/return", Map.of("reason", "监控照片不清晰", "items",
				List.of(Map.of("itemId", items.get(1).id(), "met", false, "note", "只有 1 个摄像头"))));
		assertThat(returned.text("status")).isEqualTo("RETURNED");
		assertThat(college.get("/api/v1/sites/" + site.id()).text("returnReason")).isEqualTo("监控照片不清晰");
		// Reviewed: no withdrawal any more.
		assertThat(college.post("/api/v1/sites/" + site.id() + "/withdraw", Map.of()).text("detail"))
			.isEqualTo("考核站点申报当前状态为“审核退回”，不能撤销");

		var fixed = college.put("/api/v1/sites/" + site.id(),
				Map.of("contactName", "陈老师", "contactPhone", "025-85842011", "roomCount", 2, "seatCount", 80));
		assertThat(fixed.status()).isEqualTo(200);
		assertThat(college.post("/api/v1/sites/" + site.id() + "/submit", Map.of()).text("status")).isEqualTo("SUBMITTED");

		var unticked = org.post("/api/v1/sites/" + site.id() + "/approve",
				Map.of("items", List.of(Map.of("itemId", items.get(0).id(), "met", true))));
		assertThat(unticked.status()).isEqualTo(422);
		assertThat(unticked.body().path("errors").get(0).path("message").asString()).isEqualTo("第 2 项（监控）尚未勾选");
		var notMet = org.post("/api/v1/sites/" + site.id() + "/approve", Map.of("items", List.of(
				Map.of("itemId", items.get(0).id(), "met", true),
				Map.of("itemId", items.get(1).id(), "met", false, "note", "缺"))));
		assertThat(notMet.status()).isEqualTo(422);
		var approved = org.post("/api/v1/sites/" + site.id() + "/approve", Map.of("items", List.of(
				Map.of("itemId", items.get(0).id(), "met", true),
				Map.of("itemId", items.get(1).id(), "met", true, "note", "已补装"))));
		assertThat(approved.status()).isEqualTo(200);
		String code = approved.text("code");
		String certificatePart = SiteCodes.certificatePart(
				s.certificate().levels().stream().map(cn.kaowu.platform.catalog.LevelView::code).toList(),
				s.certificate().id());
		assertThat(code).isEqualTo(certificatePart + "-" + s.province().code() + "-001");
		assertThat(approved.text("operatingStatus")).isEqualTo("ACTIVE");
		assertThat(approved.text("validUntil"))
			.isEqualTo(java.time.LocalDate.now(clock.withZone(AdjustableClock.CHINA)).plusYears(2).minusDays(1).toString());
		assertThat(college.post("/api/v1/sites/" + site.id() + "/withdraw", Map.of()).status()).isEqualTo(409);
		assertThat(college.delete("/api/v1/sites/" + site.id()).status()).isEqualTo(409);

		List<SiteReviewView> reviews = sites.reviews(s.collegeScope(), site.id());
		assertThat(reviews).extracting(SiteReviewView::decision)
			.containsExactly(SiteApplicationStatus.APPROVED, SiteApplicationStatus.RETURNED);
		assertThat(reviews.get(0).items()).extracting(SiteReviewView.Item::met).containsExactly(true, true);
		assertThat(reviews.get(1).items()).singleElement().satisfies(i -> assertThat(i.note()).isEqualTo("只有 1 个摄像头"));

		// The qualification certificate: a PDF naming the site and its code.
		byte[] pdf = sites.certificate(s.provinceScope(), site.id()).content();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("考核站点资格证书", code, site.name());
		}

		// The province of the college sees the filing; another province does not.
		JsonNode filings = province.get("/api/v1/sites/filings").body();
		assertThat(filings.path("items").valueStream().map(n -> n.path("code").asString())).contains(code);
		Setting elsewhere = mother.setting();
		assertThat(api(elsewhere.provinceAccount()).get("/api/v1/sites/filings").body().path("total").asLong()).isZero();
		assertThat(api(elsewhere.provinceAccount()).get("/api/v1/sites/" + site.id() + "/certificate").status())
			.isEqualTo(404);
		assertThat(api(elsewhere.orgAccount()).get("/api/v1/sites/" + site.id()).status()).isEqualTo(404);

		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'ExamSite' AND entity_id = ? ORDER BY seq")
			.param(String.valueOf(site.id()))
			.query(String.class)
			.list()).containsSubsequence("site.application.create", "site.application.submit",
					"site.application.return", "site.application.update", "site.application.submit",
					"site.application.approve");
	}

	@Test
	void oneSitePerCollegeAndCertificateAlsoInTheDatabase() {
		SiteView site = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		assertThatThrownBy(() -> SiteMother.applied(sites, s.collegeScope(), s.certificate().id()))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("site.duplicate"));
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO exam_site (college_id, college_name, province_id, province_name, certificate_id,
				  certificate_name, org_id, org_name, name, contact_name, contact_phone, room_count, seat_count,
				  created_at, updated_at)
				SELECT college_id, college_name, province_id, province_name, certificate_id, certificate_name, org_id,
				  org_name, name, contact_name, contact_phone, room_count, seat_count, created_at, updated_at
				FROM exam_site WHERE id = ?""").param(site.id()).update()).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void onlyPilotCollegesOfThisYearApply() {
		Scope notPilot = mother.anotherCollege(s);
		assertThatThrownBy(() -> SiteMother.applied(sites, notPilot, s.certificate().id()))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("site.error.notPilot");
				assertThat(e.args()[1]).isEqualTo(mother.year());
			});
		assertThatThrownBy(() -> SiteMother.applied(sites, s.provinceScope(), s.certificate().id()))
			.isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> SiteMother.applied(sites, s.orgScope(), s.certificate().id()))
			.isInstanceOf(AccessDeniedProblem.class);
	}

	@Test
	void uploadsAreCheckedByContentAndSize() {
		byte[] text = "%PDX not a pdf".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> sites.create(s.collegeScope(), SiteMother.form(s.certificate().id()),
				new SiteUpload("申请表.pdf", text), List.of()))
			.isInstanceOfSatisfying(InvalidInputProblem.class, e -> {
				assertThat(e.fieldProblems().getFirst().field()).isEqualTo("applicationForm");
				assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.wrongType");
			});
		// Nothing was kept of the failed attempt: the same pair can be applied for.
		SiteView site = sites.create(s.collegeScope(), SiteMother.form(s.certificate().id()), null, List.of());
		assertThatThrownBy(() -> sites.addFiles(s.collegeScope(), site.id(), null,
				List.of(new SiteUpload("照片.png", SiteMother.pdf("pdf 不是照片")))))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.wrongType"));
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		byte[] png = SiteMother.png(0x112233);
		System.arraycopy(png, 0, big, 0, png.length);
		assertThatThrownBy(() -> sites.addFiles(s.collegeScope(), site.id(), null, List.of(new SiteUpload("大.png", big))))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems().getFirst().messageKey()).isEqualTo("upload.tooLarge"));
		assertThatThrownBy(() -> sites.submit(s.collegeScope(), site.id()))
			.isInstanceOfSatisfying(InvalidInputProblem.class,
					e -> assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::messageKey)
						.containsExactly("site.applicationForm.required", "site.photos.required"));
	}

	@Test
	void withdrawBeforeReviewAndBatchDeleteAllOrNothing() {
		CertificateView second = mother.certificate(s.orgScope());
		CertificateView third = mother.certificate(s.orgScope());
		SiteView a = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		SiteView b = SiteMother.applied(sites, s.collegeScope(), second.id());
		SiteView c = SiteMother.applied(sites, s.collegeScope(), third.id());
		sites.submit(s.collegeScope(), b.id());
		assertThat(sites.withdraw(s.collegeScope(), b.id()).status()).isEqualTo(SiteApplicationStatus.DRAFT);
		assertThatThrownBy(() -> sites.withdraw(s.collegeScope(), b.id())).isInstanceOf(IllegalStateTransition.class);
		sites.submit(s.collegeScope(), c.id());

		ApiClient college = api(s.collegeAccount());
		var refused = college.post("/api/v1/sites/batch-delete", Map.of("ids", List.of(a.id(), b.id(), c.id())));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("detail")).isEqualTo("考核站点申报当前状态为“待审核”，不能删除");
		assertThat(sites.list(s.collegeScope(), SiteManagement.SiteFilter.none(), PageQuery.of(1, 10)).total())
			.isEqualTo(3);
		// Another college's id makes the whole batch fail as not found.
		Scope other = mother.anotherCollege(s);
		assertThatThrownBy(() -> sites.deleteAll(other, List.of(a.id()))).isInstanceOf(NotFoundProblem.class);
		var done = college.post("/api/v1/sites/batch-delete", Map.of("ids", List.of(a.id(), b.id())));
		assertThat(done.body().path("count").asInt()).isEqualTo(2);
		assertThat(sites.list(s.collegeScope(), SiteManagement.SiteFilter.none(), PageQuery.of(1, 10)).items())
			.extracting(SiteView::id)
			.containsExactly(c.id());
	}

	@Test
	void theOperatingStatusGatesTheSite() {
		SiteView site = SiteMother.applied(sites, s.collegeScope(), s.certificate().id());
		assertThatThrownBy(() -> examSites.requireActive(site.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("site.error.notApproved"));
		sites.submit(s.collegeScope(), site.id());
		sites.approve(s.orgScope(), site.id(), SiteMother.allMet(sites.checklistFor(s.orgScope(), site.id())));
		assertThat(examSites.requireActive(site.id()).code()).isNotNull();

		assertThatThrownBy(() -> examSites.suspend(s.collegeScope(), site.id(), "自查"))
			.isInstanceOf(AccessDeniedProblem.class);
		Setting elsewhere = mother.setting();
		assertThatThrownBy(() -> examSites.suspend(elsewhere.orgScope(), site.id(), "x"))
			.isInstanceOf(NotFoundProblem.class);
		examSites.suspend(s.orgScope(), site.id(), "评估预警：监控缺失");
		assertThatThrownBy(() -> examSites.requireActive(site.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.messageKey()).isEqualTo("site.error.suspended");
				assertThat(e.args()[0]).isEqualTo(site.name());
			});
		examSites.reinstate(s.orgScope(), site.id(), "整改完成");
		examSites.requireActive(site.id());
		examSites.revoke(s.orgScope(), site.id(), "评估不合格");
		assertThatThrownBy(() -> examSites.reinstate(s.orgScope(), site.id(), "再议"))
			.isInstanceOf(IllegalStateTransition.class);
		assertThatThrownBy(() -> examSites.requireActive(site.id()))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("site.error.revoked"));
		assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE entity_type = 'ExamSite' AND entity_id = ? AND action LIKE 'site.%' AND action NOT LIKE 'site.application%' ORDER BY seq")
			.param(String.valueOf(site.id()))
			.query(String.class)
			.list()).containsExactly("site.suspend", "site.reinstate", "site.revoke");
	}

	@Test
	void checklistsBelongToTheOwningOrg() {
		List<ChecklistItemView> items = checklists.of(s.collegeScope(), s.certificate().id());
		assertThat(items).extracting(ChecklistItemView::category).containsExactly("考场", "监控");
		Setting elsewhere = mother.setting();
		assertThatThrownBy(() -> checklists.add(elsewhere.orgScope(), s.certificate().id(),
				ChecklistItemForm.of("x", "y", null))).isInstanceOf(AccessDeniedProblem.class);
		assertThatThrownBy(() -> checklists.add(s.orgScope(), s.certificate().id(), ChecklistItemForm.of(" ", " ", null)))
			.isInstanceOf(InvalidInputProblem.class);
		assertThat(checklists.move(s.orgScope(), items.get(1).id(), -1)).extracting(ChecklistItemView::category)
			.containsExactly("监控", "考场");
		checklists.update(s.orgScope(), items.get(0).id(), ChecklistItemForm.of("考场", "至少 40 个标准考位", "004"));
		checklists.delete(s.orgScope(), items.get(1).id());
		assertThat(checklists.of(s.orgScope(), s.certificate().id())).singleElement()
			.satisfies(i -> {
				assertThat(i.requirement()).isEqualTo("至少 40 个标准考位");
				assertThat(i.position()).isEqualTo(1);
			});
	}
}
