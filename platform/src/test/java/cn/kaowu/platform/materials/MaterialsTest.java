package cn.kaowu.platform.materials;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every kind of printed material renders with Chinese text that can be extracted again, rasterises with poppler's
 * {@code pdftoppm} (the PNGs are left in {@code target/materials} to look at) and embeds the font once per file.
 */
class MaterialsTest {

	private static final Path OUT = Path.of("target", "materials");

	private final ExamMaterials materials = new ExamMaterials();

	@Test
	void admissionTickets() throws Exception {
		List<TicketData> tickets = IntStream.range(0, 3).mapToObj(MaterialsMother::ticket).toList();
		String text = render("tickets", 3, out -> materials.tickets(tickets, out));
		assertThat(text).contains("准  考  证", "张子涵", "ZHANG Zihan", "320102********1000", "2604001001",
				"南京工业职业技术大学网店运营推广考核站点", "信息楼 A301 机房", "网店运营推广（中级）理论知识", "2026年12月5日", "09:00-10:30",
				"考 生 须 知", "初始密码为准考证号后 6 位", "王子涵");
		assertThat(decodeQr(OUT.resolve("tickets.pdf"))).isEqualTo("2604001001");
	}

	/** Rasterises page 1 at 150 dpi and reads its QR code with ZXing. */
	private static String decodeQr(Path pdf) throws Exception {
		Path png = OUT.resolve("qr");
		Process p = new ProcessBuilder("pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-singlefile", "-png",
				pdf.toString(), png.toString())
			.redirectErrorStream(true)
			.start();
		p.getInputStream().readAllBytes();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		BufferedImage image = ImageIO.read(OUT.resolve("qr.png").toFile());
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		BinaryBitmap bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

	@Test
	void deskLabels() throws Exception {
		String text = render("desk-labels", 3, out -> materials.deskLabels(MaterialsMother.room(0, MaterialsMother.THEORY), out));
		assertThat(text).contains("张子涵", "2604001001", "320102********1000", "信息楼 A301 机房", "网店运营推广职业技能等级证书（中级）");
	}

	@Test
	void doorLabel() throws Exception {
		String text = render("door-label", 1, out -> materials.doorLabel(MaterialsMother.room(1, MaterialsMother.PRACTICE), out));
		assertThat(text).contains("信息楼 A302 机房", "实操考场", "网店运营推广（中级）实操技能", "2026年12月5日 13:30-16:00",
				"2604001031 - 2604001060", "30 人");
	}

	@Test
	void signInSheetsForTheoryAndPractice() throws Exception {
		String theory = render("sign-in-theory", 4,
				out -> materials.signInSheet(MaterialsMother.room(0, MaterialsMother.THEORY), out));
		assertThat(theory).contains("考场签到表（理论考试）", "张子涵", "2604001030", "考生签字", "应考 30 人", "第 4 页 共 4 页");
		String practice = render("sign-in-practice", 4,
				out -> materials.signInSheet(MaterialsMother.room(0, MaterialsMother.PRACTICE), out));
		assertThat(practice).contains("考场签到表（实操考试）", "13:30-16:00");
	}

	@Test
	void roomRecord() throws Exception {
		String text = render("room-record", 1, out -> materials.roomRecord(MaterialsMother.room(0, MaterialsMother.THEORY), out));
		assertThat(text).contains("考场情况记录表（理论考试）", "应考人数", "缺考考生", "违纪情况", "考场异常情况及处理", "监考人员签字");
	}

	@Test
	void patrolRecord() throws Exception {
		String text = render("patrol-record", 2, out -> materials.patrolRecord(MaterialsMother.site(10), out));
		assertThat(text).contains("巡考情况记录表", "30003007-320000-001", "信息楼 A310 机房", "巡考员签字", "意见和建议");
	}

	@Test
	void sealConfirmation() throws Exception {
		String text = render("seal-confirmation", 1, out -> materials.sealConfirmation(MaterialsMother.site(3), out));
		assertThat(text).contains("考场封场确认单", "考试机不能访问外网", "《考场签到表》与考核系统中的考生数据核对一致", "系统管理员",
				"信息楼 A303 机房");
	}

	@Test
	void staffPledge() throws Exception {
		String text = render("staff-pledge", 1, out -> materials.staffPledge(MaterialsMother.site(2), out));
		assertThat(text).contains("考务人员承诺书", "郑重承诺", "严守保密纪律", "周建国", "系统管理员", "本人签字");
	}

	@Test
	void zipHoldsEveryMaterialWithOneFontPerFile() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		List<RoomMaterials> rooms = new ArrayList<>();
		for (ExamSlot slot : List.of(MaterialsMother.THEORY, MaterialsMother.PRACTICE)) {
			for (int r = 0; r < 2; r++) {
				RoomSheet sheet = MaterialsMother.room(r, slot);
				List<TicketData> tickets = slot == MaterialsMother.THEORY
						? IntStream.range(r * 30, r * 30 + 30).mapToObj(MaterialsMother::ticket).toList() : List.of();
				rooms.add(new RoomMaterials(sheet, tickets));
			}
		}
		long pages = materials.zip(MaterialsMother.site(2), rooms.iterator(), bytes);
		List<String> names = new ArrayList<>();
		long counted = 0;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				names.add(e.getName());
				try (PDDocument doc = Loader.loadPDF(zip.readAllBytes())) {
					counted += doc.getNumberOfPages();
					assertThat(fontObjects(doc)).as(e.getName()).hasSize(1);
				}
			}
		}
		assertThat(counted).isEqualTo(pages);
		assertThat(names).startsWith("巡考情况记录表.pdf", "考场封场确认单.pdf", "考务人员承诺书.pdf")
			.contains("20261205-0900 理论 信息楼 A301 机房/准考证.pdf", "20261205-0900 理论 信息楼 A301 机房/桌贴.pdf",
					"20261205-0900 理论 信息楼 A301 机房/门贴.pdf", "20261205-0900 理论 信息楼 A301 机房/考场签到表.pdf",
					"20261205-0900 理论 信息楼 A301 机房/考场情况记录表.pdf", "20261205-1330 实操 信息楼 A302 机房/考场签到表.pdf")
			.doesNotContain("20261205-1330 实操 信息楼 A302 机房/准考证.pdf")
			.hasSize(3 + 2 * 5 + 2 * 4);
	}

	@Test
	void wholeIdNumbersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RoomSheet.Seat(1, "2604001001", "张三",
				"11010519491231002X", null));
	}

	@Test
	void missingPhotoLeavesAnEmptyBox() throws Exception {
		TicketData t = MaterialsMother.ticket(0, 30, null);
		TicketData noPhoto = new TicketData(null, t.name(), t.pinyin(), t.maskedIdNumber(), t.ticketNumber(), t.exam(),
				t.roomName(), t.roomAddress(), t.seat(), t.subjects());
		String text = render("ticket-no-photo", 1, out -> materials.tickets(List.of(noPhoto), out));
		assertThat(text).contains("照片", "张子涵");
	}

	/** Renders, rasterises page by page with pdftoppm, and returns the extracted text. */
	private static String render(String name, int expectedPages, Consumer<ByteArrayOutputStream> writer)
			throws IOException, InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.accept(out);
		Files.createDirectories(OUT);
		Path pdf = OUT.resolve(name + ".pdf");
		Files.write(pdf, out.toByteArray());
		Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-png", pdf.toString(), OUT.resolve(name).toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as("pdftoppm: " + log).isZero();
		try (var pngs = Files.list(OUT)) {
			assertThat(pngs.filter(f -> f.getFileName().toString().matches(name + "-\\d+\\.png"))).hasSize(expectedPages);
		}
		try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(expectedPages);
			assertThat(fontObjects(doc)).hasSize(1);
			return new PDFTextStripper().getText(doc);
		}
	}

	/** The distinct font dictionaries the pages and their templates (form XObjects) use: one per file. */
	private static Set<Object> fontObjects(PDDocument doc) throws IOException {
		Set<Object> fonts = new HashSet<>();
		for (PDPage page : doc.getPages()) {
			collectFonts(page.getResources(), fonts);
		}
		return fonts;
	}

	private static void collectFonts(PDResources resources, Set<Object> fonts) throws IOException {
		for (COSName n : resources.getFontNames()) {
			fonts.add(resources.getFont(n).getCOSObject());
		}
		for (COSName n : resources.getXObjectNames()) {
			if (resources.getXObject(n) instanceof PDFormXObject form) {
				collectFonts(form.getResources(), fonts);
			}
		}
	}
}
