package cn.kaowu.platform.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateLevel;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.kernel.AdjustableClock;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.pilot.MajorForm;
import cn.kaowu.platform.pilot.PilotApplicationForm;
import cn.kaowu.platform.pilot.PilotApplicationView;
import cn.kaowu.platform.pilot.PilotBatchForm;
import cn.kaowu.platform.pilot.PilotBatchView;
import cn.kaowu.platform.pilot.PilotManagement;
import cn.kaowu.platform.site.QualificationChecklists;
import cn.kaowu.platform.site.ReviewDecision;
import cn.kaowu.platform.site.SiteApplicationForm;
import cn.kaowu.platform.site.SiteManagement;
import cn.kaowu.platform.site.SiteUpload;
import cn.kaowu.platform.site.SiteView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Pilots and sites of the demo world: 江苏's batch "<year>年度第一批" open three months either side of today;
 * approved 网店运营推广 pilots of 南京工业职业技术大学 (scale 200) and 南京信息职业技术学院 (scale 120); an approved
 * site of the first (with its qualification certificate) and a submitted site application of the second
 * waiting in hongke's queue. Everything goes through the services; each piece is skipped when present.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class PilotSiteDemoData implements DemoStep {

	private final PilotManagement pilot;

	private final SiteManagement sites;

	private final QualificationChecklists checklists;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	private final Clock clock;

	PilotSiteDemoData(PilotManagement pilot, SiteManagement sites, QualificationChecklists checklists,
			CatalogManagement catalog, OrganisationManagement organisations, Clock clock) {
		this.pilot = pilot;
		this.sites = sites;
		this.checklists = checklists;
		this.catalog = catalog;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public void run() {
		OrganisationView province = organisations.findByCode(DemoDataLoader.PROVINCE).orElseThrow();
		OrganisationView hongke = organisations.findByCode(DemoDataLoader.ORG_HONGKE).orElseThrow();
		Scope provinceScope = new Scope(null, "jsedu", Role.PROVINCE, province.id(), province.id(), null);
		Scope orgScope = new Scope(null, "hongke", Role.ORG, hongke.id(), null, null);
		LocalDate today = LocalDate.now(clock.withZone(AdjustableClock.CHINA));
		String batchName = today.getYear() + "年度第一批";
		PilotBatchView batch = pilot.listBatches(provinceScope, today.getYear(), PageQuery.of(1, 100))
			.items()
			.stream()
			.filter(b -> b.name().equals(batchName))
			.findFirst()
			.orElseGet(() -> {
				PilotBatchView created = pilot.createBatch(provinceScope,
						PilotBatchForm.of(batchName, today.getYear(), today.minusMonths(3).atStartOfDay(),
								today.plusMonths(3).atTime(23, 59), true, false));
				return pilot.publishBatch(provinceScope, created.id());
			});
		CertificateView store = catalog
			.listCertificates(orgScope, new CatalogManagement.CertificateFilter("网店运营推广", hongke.id(), null),
					PageQuery.of(1, 10))
			.items()
			.getFirst();

		Scope college1 = collegeScope(DemoDataLoader.COLLEGE_1, "njit");
		Scope college2 = collegeScope(DemoDataLoader.COLLEGE_2, "njcit");
		approvedPilot(college1, provinceScope, batch, store, 200,
				List.of(MajorForm.of("电子商务", "530701"), MajorForm.of("网络营销与直播电商", "530703")));
		approvedPilot(college2, provinceScope, batch, store, 120,
				List.of(MajorForm.of("电子商务", "530701"), MajorForm.of("移动商务", "530702")));

		if (site(college1, store.id()) == null) {
			SiteView site = apply(college1, store, "陈老师", "13805171234", 2, 90, "两个机房共 90 个考位，已按网店运营推广考核站点标准配备服务器、监考机与监控。");
			sites.submit(college1, site.id());
			List<ReviewDecision.Tick> ticks = checklists.of(orgScope, store.id())
				.stream()
				.map(i -> new ReviewDecision.Tick(i.id(), true, null))
				.toList();
			sites.approve(orgScope, site.id(), new ReviewDecision(ticks, null));
		}
		if (site(college2, store.id()) == null) {
			SiteView site = apply(college2, store, "吴老师", "025-85842011", 1, 45, "实训楼 A301 机房，45 个考位。");
			sites.submit(college2, site.id());
		}
	}

	private void approvedPilot(Scope college, Scope province, PilotBatchView batch, CertificateView certificate,
			int scale, List<MajorForm> majors) {
		boolean present = pilot
			.listApplications(college, new PilotManagement.ApplicationFilter(batch.id(), null, null, null),
					PageQuery.of(1, 100))
			.items()
			.stream()
			.anyMatch(a -> a.certificateId() == certificate.id());
		if (present) {
			return;
		}
		PilotApplicationForm form = new PilotApplicationForm();
		form.setBatchId(batch.id());
		form.setCertificateId(certificate.id());
		form.setLevels(List.of(CertificateLevel.JUNIOR, CertificateLevel.INTERMEDIATE));
		form.setMajors(majors);
		form.setPlannedTrainees(scale);
		form.setTeacherDescription("电子商务专业教师 12 人，其中 6 人已取得网店运营推广师资培训证书。");
		form.setFacilityDescription("电子商务实训中心 3 个机房共 150 个机位，千兆局域网，配备监控。");
		PilotApplicationView application = pilot.createApplication(college, form, List.of());
		pilot.submit(college, application.id());
		pilot.approve(province, application.id(), scale);
	}

	private SiteView apply(Scope college, CertificateView certificate, String contact, String phone, int rooms,
			int seats, String description) {
		return sites.create(college, SiteApplicationForm.of(certificate.id(), contact, phone, rooms, seats, description),
				new SiteUpload("考核站点申请表（盖章）.pdf", applicationFormPdf()),
				List.of(new SiteUpload("机房全景.png", photo(new Color(0x3A, 0x6E, 0xA5))),
						new SiteUpload("监控与服务器.png", photo(new Color(0x5B, 0x8C, 0x5A)))));
	}

	private SiteView site(Scope college, long certificateId) {
		return sites.list(college, SiteManagement.SiteFilter.none(), PageQuery.of(1, 100))
			.items()
			.stream()
			.filter(s -> s.certificateId() == certificateId)
			.findFirst()
			.orElse(null);
	}

	private Scope collegeScope(String code, String username) {
		OrganisationView college = organisations.findByCode(code).orElseThrow();
		return new Scope(null, username, Role.COLLEGE_ADMIN, college.id(), college.provinceId(), college.cityId());
	}

	private static byte[] applicationFormPdf() {
		try (PdfCanvas pdf = PdfCanvas.create("考核站点申请表")) {
			pdf.newPage(PdfCanvas.A4);
			pdf.textCentered("网店运营推广考核站点申请表", 105, 30, 18);
			pdf.text("（演示数据：院校填写并加盖公章后扫描上传）", 30, 45, 11);
			return pdf.toBytes();
		}
	}

	private static byte[] photo(Color color) {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 320, 200);
		g.setColor(Color.WHITE);
		for (int row = 0; row < 4; row++) {
			for (int col = 0; col < 8; col++) {
				g.fillRect(16 + col * 37, 30 + row * 40, 26, 18);
			}
		}
		g.dispose();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
