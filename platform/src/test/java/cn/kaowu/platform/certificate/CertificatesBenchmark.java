package cn.kaowu.platform.certificate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.imageio.ImageIO;

import cn.kaowu.platform.document.PdfSignatures;

/**
 * {@code bench/run certificates}: N (default 10,000) signed electronic certificates — one A4 PDF each with its own
 * font subset, photo, the principal's PNG stamp, QR code, pinyin, signed with the platform's RSA document key — drawn
 * by {@link CertificateRenderer#zip} (the path {@link CertificatePdfs#zip} streams, on the same worker threads) into
 * one zip on a counting null stream. Baseline in the same run: the same certificates through the same zip and
 * threads, drawn but not signed ({@link CertificateRenderer#draw}), so the ratio says what the signature costs.
 * Not a test: nothing asserts on time. Last line:
 * {@code certificates: pages_per_s=N count= seconds= baseline_pages_per_s= ratio= threads= zip_mb= peak_heap_mb=}.
 */
public final class CertificatesBenchmark {

	private static final int COUNT = Integer.getInteger("certificates", 10_000);

	private static final int THREADS = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());

	private static final String[] SURNAMES = { "张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "欧阳", "单" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
			"杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "三丰" };

	private static final String[] COLLEGES = { "南京工业职业技术大学", "南京信息职业技术学院", "江苏经贸职业技术学院",
			"苏州工业园区职业技术学院" };

	public static void main(String[] args) throws Exception {
		// bench/lib.sh's throw-away directory (removed after the run), a temporary one when run otherwise
		String dir = System.getProperty("kaowu.storage.dir");
		Path keys = dir == null ? Files.createTempDirectory("kaowu-bench-keys") : Files.createDirectories(Path.of(dir, "keys"));
		CertificateRenderer renderer = new CertificateRenderer(
				PdfSignatures.open(keys, "考务平台", Clock.systemUTC()), "https://kaowu.example.cn");
		List<byte[]> photos = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			photos.add(photo(Color.getHSBColor(i / 32f, 0.45f, 0.9f)));
		}
		byte[] stamp = CertificateRulesTest.stamp(120);
		Function<IssueView, CertificateRenderer.Sheet> prepare = row -> new CertificateRenderer.Sheet(row,
				DeliveryMode.ELECTRONIC, photos.get((int) (row.id() % photos.size())), stamp);

		// Warm-up of both paths (JIT, font parsing and pool, image readers, the signer).
		renderer.zip(rows(300), prepare, OutputStream.nullOutputStream(), THREADS);
		renderer.zip(rows(300), prepare, renderer::draw, OutputStream.nullOutputStream(), THREADS);
		System.gc();

		HeapSampler heap = new HeapSampler();
		heap.start();
		Counting zipBytes = new Counting();
		long t0 = System.nanoTime();
		int signed = renderer.zip(rows(COUNT), prepare, zipBytes, THREADS);
		double seconds = (System.nanoTime() - t0) / 1e9;
		long peak = heap.finish();

		long t1 = System.nanoTime();
		int unsigned = renderer.zip(rows(COUNT), prepare, renderer::draw, OutputStream.nullOutputStream(), THREADS);
		double baseline = (System.nanoTime() - t1) / 1e9;

		double rate = signed / seconds;
		double baseRate = unsigned / baseline;
		System.out.printf("signed %d certificates in %.1f s (zip %.1f MB, %.0f KB each); unsigned %d in %.1f s; %d threads%n",
				signed, seconds, zipBytes.count / 1048576.0, zipBytes.count / 1024.0 / signed, unsigned, baseline,
				THREADS);
		System.out.printf(
				"certificates: pages_per_s=%d count=%d seconds=%.1f baseline_pages_per_s=%d ratio=%.2f threads=%d zip_mb=%d peak_heap_mb=%d%n",
				Math.round(rate), signed, seconds, Math.round(baseRate), rate / baseRate, THREADS,
				zipBytes.count / 1048576, peak / 1048576);
	}

	/** Final, numbered rows made on demand, with distinct names, numbers and colleges. */
	static Iterator<IssueView> rows(int count) {
		Instant confirmed = Instant.parse("2026-07-01T02:00:00Z");
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return next < count;
			}

			@Override
			public IssueView next() {
				if (next >= count) {
					throw new NoSuchElementException();
				}
				int i = next++;
				String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length];
				String college = COLLEGES[i % COLLEGES.length];
				return new IssueView(i + 1, 1, i + 1, 1, "0012-1", "网店运营推广职业技能等级证书（初级）", 1 + i % 4, college,
						name, "320102********1234", 2026, IssueStatus.FINAL, confirmed, confirmed.plusSeconds(3600), null,
						"0012-1-2026" + String.format("%06d", i + 1));
			}
		};
	}

	/** A passport-style JPEG (295 × 413, ~10 KB), like the candidates' photos. */
	static byte[] photo(Color background) throws IOException {
		BufferedImage image = new BufferedImage(295, 413, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(background);
		g.fillRect(0, 0, 295, 413);
		g.setColor(new Color(0xF2, 0xD3, 0xB8));
		g.fillOval(90, 80, 115, 150);
		g.setColor(new Color(0x33, 0x33, 0x44));
		g.fillRoundRect(40, 280, 215, 180, 80, 80);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	static final class Counting extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}
	}

	static final class HeapSampler extends Thread {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong peak = new AtomicLong();

		HeapSampler() {
			setDaemon(true);
		}

		@Override
		public void run() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (running.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(5);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		long finish() throws InterruptedException {
			running.set(false);
			join();
			return peak.get();
		}
	}
}
