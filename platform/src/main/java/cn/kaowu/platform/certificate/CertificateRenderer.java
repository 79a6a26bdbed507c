package cn.kaowu.platform.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.kaowu.platform.candidate.NamePinyin;
import cn.kaowu.platform.document.PdfCanvas;
import cn.kaowu.platform.document.PdfSignatures;
import org.jspecify.annotations.Nullable;

/**
 * Draws certificates: one A4 PDF per certificate (its own font subset), signed for {@link DeliveryMode#ELECTRONIC},
 * the print template without stamp and signature for {@link DeliveryMode#PAPER}. No database: {@link CertificatePdfs}
 * gives it the rows, photos and stamps, and the benchmark ({@code bench/run certificates}) the same without Spring.
 */
final class CertificateRenderer {

	static final String REASON = "1+X 职业技能等级证书";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日")
		.withZone(ZoneId.of("Asia/Shanghai"));

	/** What one certificate needs: the final, numbered row, the college's choice, the photo and the stamp. */
	record Sheet(IssueView row, DeliveryMode mode, byte @Nullable [] photo, byte @Nullable [] stamp) {
	}

	private final PdfSignatures signatures;

	private final String portalBaseUrl;

	CertificateRenderer(PdfSignatures signatures, String portalBaseUrl) {
		this.signatures = signatures;
		this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1)
				: portalBaseUrl;
	}

	String verificationUrl(String number) {
		return portalBaseUrl + "/portal/verify?no=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
	}

	/** File name of a row's certificate in downloads and zips. */
	static String fileName(IssueView row) {
		return safe(row.certificateNumber() + " " + row.name()) + ".pdf";
	}

	/** Path of a row's certificate in a zip: one folder per college. */
	static String zipPath(IssueView row) {
		return safe(row.collegeName()) + "/" + fileName(row);
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

	/** The name in pinyin as printed under it ({@link NamePinyin}), or nothing for characters without pinyin. */
	static String pinyin(String name) {
		return NamePinyin.suggest(name).orElse("");
	}

	/** The certificate's PDF: signed when electronic. */
	byte[] render(Sheet sheet) {
		byte[] bytes = draw(sheet);
		return sheet.mode() == DeliveryMode.ELECTRONIC ? signatures.sign(bytes, REASON, sheet.row().collegeName())
				: bytes;
	}

	/** The page alone, never signed (the renderer's part of the work, for the benchmark's baseline). */
	byte[] draw(Sheet sheet) {
		IssueView row = sheet.row();
		String number = Objects.requireNonNull(row.certificateNumber());
		try (PdfCanvas pdf = PdfCanvas.create(REASON + " " + number)) {
			pdf.newPage(PdfCanvas.A4);
			float w = pdf.pageWidth();
			pdf.rect(12, 12, w - 24, pdf.pageHeight() - 24, 2f);
			pdf.rect(15, 15, w - 30, pdf.pageHeight() - 30, 0.6f);
			pdf.textBoldCentered("职业技能等级证书", w / 2, 48, 30);
			pdf.textCentered("1+X Vocational Skills Level Certificate", w / 2, 58, 12);
			if (sheet.photo() != null) {
				pdf.image(sheet.photo(), "photo", w / 2 - 17.5f, 72, 35, 49);
			}
			else {
				pdf.rect(w / 2 - 17.5f, 72, 35, 49, 0.5f);
			}
			float y = 140;
			y = field(pdf, "姓　　名", row.name(), y);
			String pinyin = pinyin(row.name());
			if (!pinyin.isEmpty()) {
				pdf.text(pinyin, 80, y - 5.5f, pdf.fit(pinyin, 90, 10));
				y += 4;
			}
			y = field(pdf, "证书名称", row.levelDisplayName(), y);
			y = field(pdf, "证书编号", number, y);
			y = field(pdf, "发证日期", DATE.format(issued(row)), y);
			field(pdf, "颁发院校", row.collegeName(), y);
			pdf.qrCode(verificationUrl(number), 30, 228, 32);
			pdf.text("扫码验证证书", 31, 266, 9);
			if (sheet.mode() == DeliveryMode.ELECTRONIC && sheet.stamp() != null) {
				pdf.image(sheet.stamp(), "stamp.png", w - 80, 215, 42, 42);
			}
			pdf.textCentered(row.collegeName(), w - 59, 264, 12);
			return pdf.toBytes();
		}
	}

	/**
	 * The certificates of {@code rows} one PDF after the other into a zip on {@code out} (left open), in the rows'
	 * order. {@code prepare} (loading photo and stamp) and {@link #render} run on {@code threads} worker threads, at
	 * most two certificates per thread ahead of the writer, so memory stays that of a few certificates.
	 *
	 * @return the number of certificates written
	 */
	int zip(Iterator<IssueView> rows, Function<IssueView, Sheet> prepare, OutputStream out, int threads) {
		return zip(rows, prepare, this::render, out, threads);
	}

	/** {@link #zip(Iterator, Function, OutputStream, int)} with another way to turn a sheet into bytes. */
	int zip(Iterator<IssueView> rows, Function<IssueView, Sheet> prepare, Function<Sheet, byte[]> render,
			OutputStream out, int threads) {
		ZipOutputStream zip = new ZipOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		record Pending(IssueView row, Future<byte[]> pdf) {
		}
		ArrayDeque<Pending> window = new ArrayDeque<>();
		int written = 0;
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			while (rows.hasNext() || !window.isEmpty()) {
				while (rows.hasNext() && window.size() < 2 * Math.max(1, threads)) {
					IssueView row = rows.next();
					window.add(new Pending(row, pool.submit(() -> render.apply(prepare.apply(row)))));
				}
				Pending next = window.removeFirst();
				zip.putNextEntry(new ZipEntry(zipPath(next.row())));
				zip.write(next.pdf().get());
				zip.closeEntry();
				written++;
			}
			zip.finish();
			zip.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return written;
	}

	private static Instant issued(IssueView row) {
		Instant a = Objects.requireNonNull(row.orgConfirmedAt());
		Instant b = Objects.requireNonNull(row.collegeConfirmedAt());
		return a.isAfter(b) ? a : b;
	}

	private static float field(PdfCanvas pdf, String label, String value, float y) {
		pdf.text(label + "：", 45, y, 14);
		pdf.text(value, 80, y, pdf.fit(value, 90, 14));
		return y + 12;
	}
}
