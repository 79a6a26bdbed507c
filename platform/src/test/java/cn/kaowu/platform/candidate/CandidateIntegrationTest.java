package cn.kaowu.platform.candidate;

import cn.kaowu.platform.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.kaowu.platform.ApiClient;
import cn.kaowu.platform.IntegrationTest;
import cn.kaowu.platform.TestWorld;
import cn.kaowu.platform.identity.AccountView;
import cn.kaowu.platform.job.JobState;
import cn.kaowu.platform.job.JobView;
import cn.kaowu.platform.job.Jobs;
import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.DomainException;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.PersonalData;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.spreadsheet.Spreadsheets;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CandidateIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestWorld world;

	@Autowired
	Jobs jobs;

	@Autowired
	CandidateManagement candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	OrganisationView province;

	OrganisationView college;

	AccountView admin;

	ApiClient api;

	Multipart upload;

	@BeforeEach
	void setUp() {
		province = world.province();
		college = world.college(province);
		admin = world.account(Role.COLLEGE_ADMIN, college);
		api = new ApiClient(port).login(admin.username(), TestWorld.PASSWORD);
		upload = new Multipart(port, admin.username(), TestWorld.PASSWORD);
	}

	static byte[] xlsx(List<List<String>> rows) {
		return Spreadsheets.sheet("考生", CandidateMother.HEADERS.stream().map(h -> new Spreadsheets.Column(h, 12)).toList(),
				rows);
	}

	JobView await(UUID id) throws InterruptedException {
		Scope scope = world.scopeOf(admin);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			JobView job = jobs.get(scope, id);
			if (job.state().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job did not finish");
	}

	JobView runImport(byte[] file) throws InterruptedException {
		Multipart.Response r = upload.post("/api/v1/candidates/imports?kind=COLLEGE", Map.of(), "考生.xlsx", file);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
		return await(UUID.fromString(r.body().path("id").asString()));
	}

	/** Failed-row report rows by their first cells: row number in the file → reason. */
	List<List<String>> report(JobView job) throws IOException {
		byte[] report = jobs.read(jobs.file(world.scopeOf(admin), job.id(),
				job.kind().equals(CandidateManagement.PHOTO_JOB) ? "result" : "report"));
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report))) {
			for (Row row : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(row.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	@Test
	void batchModifyChangesExistingCandidatesThroughTheSameTemplate() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rows.add(CandidateMother.row(i));
		}
		assertThat(runImport(xlsx(rows)).succeeded()).isEqualTo(3);
		Scope scope = world.scopeOf(admin);
		long verifiedId = jdbc.sql("SELECT id FROM candidate WHERE id_number_index = ?")
			.param(personalData.index(rows.get(1).get(4))).query(Long.class).single();
		candidates.attachPhoto(scope, verifiedId, Photos.image(295, 413, "jpg"));
		candidates.verify(scope, List.of(verifiedId));

		List<List<String>> changes = new ArrayList<>();
		List<String> phone = new ArrayList<>(rows.get(0));
		phone.set(5, "13912345678");
		changes.add(phone);
		List<String> renamed = new ArrayList<>(rows.get(1));
		renamed.set(0, "李思");
		changes.add(renamed);
		changes.add(CandidateMother.row(7));
		Multipart.Response r = upload.post("/api/v1/candidates/imports?kind=COLLEGE&modify=true", Map.of(), "修改.xlsx",
				xlsx(changes));
		assertThat(r.status()).isEqualTo(202);
		JobView job = await(UUID.fromString(r.body().path("id").asString()));
		assertThat(job.succeeded()).isEqualTo(1);
		assertThat(job.failed()).isEqualTo(2);
		assertThat(job.message()).isEqualTo("“院校考生”中的考生信息已按文件修改；2 行未修改，请下载失败明细查看原因");
		assertThat(report(job).subList(1, 3)).extracting(row -> row.get(10)).containsExactly(
				"学生姓名：信息准确后不能修改姓名、证件类型和证件号码",
				"“院校考生”名单中没有此证件的考生（批量修改只改已有考生，新增请用“导入考生”）");
		assertThat(personalData.open(PersonalData.PHONE, jdbc.sql("SELECT phone_enc FROM candidate WHERE id_number_index = ?")
			.param(personalData.index(rows.get(0).get(4))).query(byte[].class).single())).isEqualTo("13912345678");
		assertThat(jdbc.sql("SELECT phone_masked FROM candidate WHERE id_number_index = ?")
			.param(personalData.index(rows.get(0).get(4))).query(String.class).single()).isEqualTo("139****5678");
		assertThat(jdbc.sql("SELECT name FROM candidate WHERE id = ?").param(verifiedId).query(String.class).single())
			.isEqualTo(rows.get(1).get(0));
		assertThat(api.get("/api/v1/candidates?kind=COLLEGE").body().path("total").asLong()).isEqualTo(3);
	}

	@Test
	void aThousandRowsWith37BadOnesStore963AndReportTheRestThenTheSameFileAddsNothing() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			rows.add(CandidateMother.row(i));
		}
		Map<Integer, String> expected = new LinkedHashMap<>();
		int bad = 0;
		// index → (column, value, expected reason part)
		String[][] breaks = { { "4", "checkdigit", "证件号码：证件号码校验位不正确" }, { "1", "Zhang Sanfen", "姓名拼音：拼音与姓名不符，建议：" },
				{ "1", "zhang san", "姓名拼音：格式不正确" }, { "5", "2381234567", "手机号码：须为以 1 开头的 11 位数字" },
				{ "2", "M", "性别：须为“男”或“女”" }, { "6", "1985", "入学年份：须为 4 位年份" }, { "8", "", "就读专业：必填" },
				{ "3", "驾驶证", "证件类型：须为" }, { "dup", "", "与第 " }, { "passport", "AB", "证件号码：护照号码须为 5–17 位字母和数字" },
				{ "7", "博士后", "专业层次：须为" } };
		int[] counts = { 5, 5, 4, 4, 3, 3, 3, 3, 3, 2, 2 };
		for (int k = 0; k < breaks.length; k++) {
			for (int j = 0; j < counts[k]; j++) {
				int index = 7 + bad * 26;
				List<String> row = rows.get(index);
				String column = breaks[k][0];
				switch (column) {
					case "4" -> {
						String id = row.get(4);
						row.set(4, id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'));
					}
					case "dup" -> row.set(4, rows.get(index - 1).get(4));
					case "passport" -> {
						row.set(3, "护照");
						row.set(4, "AB");
					}
					default -> row.set(Integer.parseInt(column), breaks[k][1]);
				}
				if (breaks[k][1].equals("Zhang Sanfen")) {
					row.set(0, "张三丰");
				}
				expected.put(index + 2, breaks[k][2]);
				bad++;
			}
		}
		assertThat(bad).isEqualTo(37);
		// A lower-case x is accepted.
		rows.get(0).set(4, rows.get(0).get(4).toLowerCase());
		byte[] file = xlsx(rows);

		JobView first = runImport(file);
		assertThat(first.state()).as(first.message()).isEqualTo(JobState.SUCCEEDED);
		assertThat(first.succeeded()).isEqualTo(963);
		assertThat(first.failed()).isEqualTo(37);
		assertThat(first.message()).isEqualTo("新增的考生已存入“院校考生”；37 行未导入，请下载失败明细查看原因");
		assertThat(api.get("/api/v1/candidates?kind=COLLEGE").body().path("total").asLong()).isEqualTo(963);

		List<List<String>> report = report(first);
		assertThat(report.get(0)).containsExactlyElementsOf(concat(CandidateMother.HEADERS, "失败原因"));
		assertThat(report).hasSize(38);
		Map<String, String> reasonByIdCell = new HashMap<>();
		for (List<String> r : report.subList(1, report.size())) {
			reasonByIdCell.put(r.get(0) + "|" + r.get(1) + "|" + r.get(4) + "|" + r.get(5), r.get(10));
		}
		int i = 0;
		for (var e : expected.entrySet()) {
			List<String> row = rows.get(e.getKey() - 2);
			String reason = reasonByIdCell.get(row.get(0) + "|" + row.get(1) + "|" + row.get(4) + "|" + row.get(5));
			assertThat(reason).as("row " + e.getKey()).isNotNull().contains(e.getValue());
			i++;
		}
		assertThat(i).isEqualTo(37);
		assertThat(report.stream().map(r -> r.get(10)))
			.contains("姓名拼音：拼音与姓名不符，建议：Zhang Sanfeng");

		JobView again = runImport(file);
		assertThat(again.succeeded()).isZero();
		assertThat(again.failed()).isEqualTo(1000);
		assertThat(report(again).stream().map(r -> r.get(10)).filter(r -> r.equals("该证件已有考生信息（考生只需导入一次）")))
			.hasSize(963);
		assertThat(api.get("/api/v1/candidates?kind=COLLEGE").body().path("total").asLong()).isEqualTo(963);
		// Identity is global: another college cannot import them either.
		OrganisationView other = world.college(province);
		AccountView otherAdmin = world.account(Role.COLLEGE_ADMIN, other);
		var r = new ApiClient(port).login(otherAdmin.username(), TestWorld.PASSWORD)
			.post("/api/v1/candidates", form(rows.get(3)));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.fieldError("idNumber")).isEqualTo("该证件已有考生信息（考生只需导入一次）");
	}

	@Test
	void aFileWithWrongHeadersFailsTheJobNamingTheColumnsAndStoresNothing() throws Exception {
		List<String> headers = new ArrayList<>(CandidateMother.HEADERS);
		headers.set(9, "班级");
		byte[] file = Spreadsheets.sheet("x", headers.stream().map(h -> new Spreadsheets.Column(h, 10)).toList(),
				List.of(CandidateMother.row(1)));
		JobView job = runImport(file);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.message()).contains("表头缺少列：*专业代码").contains("表头有模板之外的列：班级");
		assertThat(api.get("/api/v1/candidates").body().path("total").asLong()).isZero();
		Multipart.Response notXlsx = upload.post("/api/v1/candidates/imports", Map.of(), "a.xlsx", "a,b".getBytes());
		assertThat(notXlsx.status()).isEqualTo(422);
	}

	static Map<String, Object> form(List<String> row) {
		Map<String, Object> m = new HashMap<>();
		String[] fields = { "name", "pinyin", "gender", "idType", "idNumber", "phone", "enrolmentYear",
				"educationLevel", "majorName", "majorCode" };
		for (int i = 0; i < fields.length; i++) {
			m.put(fields[i], row.get(i));
		}
		return m;
	}

	static List<String> concat(List<String> list, String last) {
		List<String> out = new ArrayList<>(list);
		out.add(last);
		return out;
	}

	long create(List<String> row) {
		var r = api.post("/api/v1/candidates?kind=COLLEGE", form(row));
		assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
		return r.body().path("id").asLong();
	}

	JobView photos(byte[] zip) throws InterruptedException {
		Multipart.Response r = upload.post("/api/v1/candidates/photos", Map.of(), "照片.zip", zip);
		assertThat(r.status()).as(r.body().toString()).isEqualTo(202);
		return await(UUID.fromString(r.body().path("id").asString()));
	}

	@Test
	void photosThenVerificationAndManualConfirmation() throws Exception {
		List<String> a = CandidateMother.row(0);
		List<String> b = CandidateMother.row(1);
		List<String> p = CandidateMother.row(2);
		p.set(3, "护照");
		p.set(4, "E" + (10_000_000 + (int) (Math.random() * 89_999_999)));
		long idA = create(a);
		long idB = create(b);
		long idP = create(p);
		assertThat(api.get("/api/v1/candidates/" + idA).text("state")).isEqualTo("NO_PHOTO");

		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put(a.get(4) + ".jpg", Photos.image(295, 413, "jpg"));
		files.put("photos/" + b.get(4) + ".png", Photos.image(200, 300, "png"));
		files.put(p.get(4) + ".png", Photos.image(300, 410, "png"));
		files.put("999999999999999999.jpg", Photos.image(295, 413, "jpg"));
		files.put("说明.txt", "x".getBytes());
		JobView job = photos(Photos.zip(files));
		assertThat(job.state()).as(job.message()).isEqualTo(JobState.SUCCEEDED);
		assertThat(job.succeeded()).isEqualTo(2);
		assertThat(job.failed()).isEqualTo(3);
		List<List<String>> report = report(job);
		assertThat(report).extracting(r -> r.get(1))
			.contains("照片为 200×300 像素，应为 295×413 像素（误差不超过 10 像素）", "本校没有证件号码为 999999999999999999 的考生",
					"不是 .jpg 或 .png 文件");
		assertThat(api.get("/api/v1/candidates/" + idA).text("state")).isEqualTo("PENDING_VERIFICATION");
		assertThat(api.get("/api/v1/candidates/" + idB).text("state")).isEqualTo("NO_PHOTO");

		var summary = api.post("/api/v1/candidates/verify", Map.of("ids", List.of(idA, idB, idP)));
		assertThat(summary.status()).isEqualTo(200);
		assertThat(summary.body().path("verified").asInt()).isEqualTo(1);
		assertThat(summary.body().path("needsManualCheck").asInt()).isEqualTo(1);
		assertThat(summary.body().path("skipped").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/candidates/" + idA).text("state")).isEqualTo("VERIFIED");
		assertThat(api.get("/api/v1/candidates/" + idP).text("state")).isEqualTo("NEEDS_MANUAL_CHECK");
		assertThat(api.get("/api/v1/candidates/" + idP).text("stateNote")).isEqualTo("candidate.verify.notIdCard");

		assertThat(api.post("/api/v1/candidates/" + idA + "/confirm", Map.of()).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/candidates/" + idP + "/confirm", Map.of()).text("state")).isEqualTo("VERIFIED");

		// After verification: name, ID type and number are locked, the rest may change; the photo is locked.
		Map<String, Object> edit = form(a);
		edit.put("name", "李四");
		edit.put("pinyin", "Li Si");
		var locked = api.put("/api/v1/candidates/" + idA, edit);
		assertThat(locked.status()).isEqualTo(422);
		assertThat(locked.fieldError("name")).isEqualTo("信息准确后不能修改姓名、证件类型和证件号码");
		Map<String, Object> phone = form(a);
		phone.put("phone", "13900000000");
		assertThat(api.put("/api/v1/candidates/" + idA, phone).text("phoneMasked")).isEqualTo("139****0000");
		JobView again = photos(Photos.zip(Map.of(a.get(4) + ".jpg", Photos.image(295, 413, "jpg"))));
		assertThat(again.succeeded()).isZero();
		assertThat(report(again).get(1).get(1)).contains("信息已认证，照片不能更改");

		assertThat(candidates.requireVerified(idA).state()).isEqualTo(VerificationState.VERIFIED);
		assertThatThrownBy(() -> candidates.requireVerified(idB)).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.messageKey()).isEqualTo("candidate.error.notVerified"));

		// Deletion of a registered candidate is refused: see EnrollmentIntegrationTest.
		assertThat(api.delete("/api/v1/candidates/" + idB).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/candidates/" + idB).status()).isEqualTo(404);
	}

	@Test
	void maliciousZipsFailTheJobAndStoreNothing() throws Exception {
		List<String> a = CandidateMother.row(0);
		long idA = create(a);
		long photosBefore = jdbc.sql("SELECT count(*) FROM stored_file WHERE category = 'candidate-photo'")
			.query(Long.class).single();
		Map<String, byte[]> traversal = new LinkedHashMap<>();
		traversal.put(a.get(4) + ".jpg", Photos.image(295, 413, "jpg"));
		traversal.put("../../" + a.get(4) + ".jpg", Photos.image(295, 413, "jpg"));
		JobView t = photos(Photos.zip(traversal));
		assertThat(t.state()).isEqualTo(JobState.FAILED);
		assertThat(t.message()).contains("不安全的路径");
		JobView bomb = photos(DeclaredSizeZip.entriesDeclaring(3, 1L << 30));
		assertThat(bomb.state()).isEqualTo(JobState.FAILED);
		assertThat(bomb.message()).contains("解压后超过 2 GB");
		Map<String, byte[]> many = new LinkedHashMap<>();
		for (int i = 0; i <= PhotoZip.MAX_ENTRIES; i++) {
			many.put(i + ".jpg", new byte[0]);
		}
		many.put(a.get(4) + ".jpg", Photos.image(295, 413, "jpg"));
		JobView tooMany = photos(Photos.zip(many));
		assertThat(tooMany.state()).isEqualTo(JobState.FAILED);
		assertThat(api.get("/api/v1/candidates/" + idA).text("state")).isEqualTo("NO_PHOTO");
		assertThat(jdbc.sql("SELECT count(*) FROM stored_file WHERE category = 'candidate-photo'").query(Long.class)
			.single()).isEqualTo(photosBefore);
		assertThat(upload.post("/api/v1/candidates/photos", Map.of(), "x.zip", "not a zip".getBytes()).status())
			.isEqualTo(422);
	}

	@Test
	void otherCollegesGet404TheProvinceReadsAndReadersCannotChange() {
		List<String> a = CandidateMother.row(0);
		long id = create(a);
		AccountView stranger = world.account(Role.COLLEGE_ADMIN, world.college(province));
		ApiClient other = new ApiClient(port).login(stranger.username(), TestWorld.PASSWORD);
		assertThat(other.get("/api/v1/candidates/" + id).status()).isEqualTo(404);
		assertThat(other.delete("/api/v1/candidates/" + id).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/candidates/verify", Map.of("ids", List.of(id))).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/candidates?collegeId=" + college.id()).status()).isEqualTo(404);

		ApiClient provinceApi = new ApiClient(port)
			.login(world.account(Role.PROVINCE, province).username(), TestWorld.PASSWORD);
		assertThat(provinceApi.get("/api/v1/candidates/" + id).text("idNumberMasked"))
			.isEqualTo(ChineseIdNumber.mask(a.get(4)));
		assertThat(provinceApi.delete("/api/v1/candidates/" + id).status()).isEqualTo(403);
		ApiClient otherProvince = new ApiClient(port)
			.login(world.account(Role.PROVINCE, world.province()).username(), TestWorld.PASSWORD);
		assertThat(otherProvince.get("/api/v1/candidates/" + id).status()).isEqualTo(404);
		ApiClient siteStaff = new ApiClient(port)
			.login(world.account(Role.SITE_STAFF, college).username(), TestWorld.PASSWORD);
		assertThat(siteStaff.get("/api/v1/candidates/" + id).status()).isEqualTo(200);
		assertThat(siteStaff.post("/api/v1/candidates", form(CandidateMother.row(1))).status()).isEqualTo(403);
	}

	@Test
	void theExportMasksIdAndPhoneNumbers() throws Exception {
		List<String> a = CandidateMother.row(0);
		create(a);
		var response = upload.download("/api/v1/candidates/export?kind=COLLEGE");
		assertThat(response.statusCode()).isEqualTo(200);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getCellText(4)).isEqualTo("证件号码");
			assertThat(rows.get(1).getCellText(4)).isEqualTo(ChineseIdNumber.mask(a.get(4)));
			assertThat(rows.get(1).getCellText(5)).isEqualTo(ChineseIdNumber.maskPhone(a.get(5)));
			assertThat(rows.get(1).getCellText(10)).isEqualTo("无照片");
		}
		var template = upload.download("/api/v1/candidates/template");
		assertThat(template.statusCode()).isEqualTo(200);
		List<String> headers = new ArrayList<>();
		Spreadsheets.read("f", "t.xlsx", template.body(), CandidateMother.HEADERS, r -> {
		});
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template.body()))) {
			Row header = wb.getFirstSheet().read().get(1);
			for (int c = 0; c < 10; c++) {
				headers.add(header.getCellText(c));
			}
		}
		assertThat(headers).isEqualTo(CandidateMother.HEADERS);
	}
}
