package cn.kaowu.platform.materials;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * {@code bench/run tickets}: 10,000 admission tickets with photos, one PDF per room of 30, all rooms in one zip
 * written to a null stream, through {@link ExamMaterials#ticketsZip}; then a bare PDFBox loop writing the same texts
 * and photos (same font, one PDF per room, same zip) without our layout. Prints as its last line
 * {@code tickets: pages_per_s=N ratio_to_bare=R peak_heap_mb=M}. Not a test: nothing asserts on time.
 */
public final class TicketsBenchmark {

	private static final int TICKETS = Integer.getInteger("tickets", 10_000);

	private static final int PER_ROOM = 30;

	/** Distinct photos, so the run does not embed one image over and over (each ~10 KB, like real ones). */
	private static final List<byte[]> PHOTOS = new ArrayList<>();

	public static void main(String[] args) throws Exception {
		for (int i = 0; i < 64; i++) {
			PHOTOS.add(MaterialsMother.photo(Color.getHSBColor(i / 64f, 0.5f, 0.85f)));
		}
		ExamMaterials materials = new ExamMaterials();
		// Warm-up of both paths (JIT, font parsing, image readers).
		materials.ticketsZip(rooms(600), OutputStream.nullOutputStream());
		bare(rooms(600), OutputStream.nullOutputStream());
		System.gc();

		HeapSampler heap = new HeapSampler();
		heap.start();
		long t0 = System.nanoTime();
		Counting zipBytes = new Counting();
		long pages = materials.ticketsZip(rooms(TICKETS), zipBytes);
		double ours = (System.nanoTime() - t0) / 1e9;
		long peak = heap.finish();

		long t1 = System.nanoTime();
		long barePages = bare(rooms(TICKETS), OutputStream.nullOutputStream());
		double bare = (System.nanoTime() - t1) / 1e9;

		System.out.printf("materials %d pages in %.2f s (zip %.1f MB); bare PDFBox %d pages in %.2f s%n", pages, ours,
				zipBytes.count / 1048576.0, barePages, bare);
		System.out.printf("tickets: pages_per_s=%d ratio_to_bare=%.2f peak_heap_mb=%d%n", Math.round(pages / ours),
				bare / ours, peak / (1024 * 1024));
	}

	/** The tickets room by room, made on demand as the scheduling module would load them. */
	static Iterator<List<TicketData>> rooms(int tickets) {
		return new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return next < tickets;
			}

			@Override
			public List<TicketData> next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				List<TicketData> room = new ArrayList<>();
				for (int end = Math.min(tickets, next + PER_ROOM); next < end; next++) {
					room.add(MaterialsMother.ticket(next, PER_ROOM, PHOTOS.get(next % PHOTOS.size())));
				}
				return room;
			}
		};
	}

	/** The same texts and photos, positioned by hand, no tables, rules layout or QR code. */
	static long bare(Iterator<List<TicketData>> rooms, OutputStream out) throws IOException {
		byte[] fontBytes;
		try (var in = TicketsBenchmark.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
			fontBytes = in.readAllBytes();
		}
		// Parsed once and reused by every file, as PdfCanvas does with its pool: a fair baseline.
		TrueTypeFont[] first = new TrueTypeFont[1];
		new TrueTypeCollection(new ByteArrayInputStream(fontBytes)).processAllFonts(f -> {
			if (first[0] == null) {
				first[0] = f;
			}
		});
		ZipOutputStream zip = new ZipOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		long pages = 0;
		int r = 0;
		while (rooms.hasNext()) {
			List<TicketData> room = rooms.next();
			try (PDDocument doc = new PDDocument()) {
				PDType0Font font = PDType0Font.load(doc, first[0], true);
				for (TicketData t : room) {
					PDPage page = new PDPage(PDRectangle.A4);
					doc.addPage(page);
					try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
						float y = 800;
						List<String> texts = new ArrayList<>(List.of("1+X 职业技能等级证书考核", "准  考  证", t.exam().planName(),
								t.name(), t.pinyin(), t.maskedIdNumber(), t.ticketNumber(), t.exam().certificateName(),
								t.exam().levelName(), t.exam().siteName(), t.exam().siteCode(), t.roomName(),
								t.roomAddress(), String.valueOf(t.seat())));
						for (ExamSlot s : t.subjects()) {
							texts.addAll(List.of(s.subject(), s.kind().label(), s.dateText(), s.timeText()));
						}
						texts.addAll(TicketPages.RULES);
						for (String text : texts) {
							cs.beginText();
							cs.setFont(font, 10);
							cs.newLineAtOffset(50, y);
							cs.showText(text.length() > 50 ? text.substring(0, 50) : text);
							cs.endText();
							if (text.length() > 50) {
								y -= 14;
								cs.beginText();
								cs.newLineAtOffset(50, y);
								cs.showText(text.substring(50));
								cs.endText();
							}
							y -= 14;
						}
						PDImageXObject image = PDImageXObject.createFromByteArray(doc, t.photo(), "photo");
						cs.drawImage(image, 440, 600, 90, 126);
					}
					pages++;
				}
				zip.putNextEntry(new ZipEntry("准考证/" + (r++) + ".pdf"));
				doc.save(new FilterOutputStream(zip) {

					@Override
					public void write(byte[] b, int off, int len) throws IOException {
						zip.write(b, off, len);
					}

					@Override
					public void close() throws IOException {
						zip.flush();
					}
				});
				zip.closeEntry();
			}
		}
		zip.finish();
		return pages;
	}

	/** A null stream that counts what it is given. */
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

	/** Samples the used heap every 5 ms and keeps the maximum. */
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

	static {
		// Fail early with a clear message rather than deep in PDFBox.
		if (TicketsBenchmark.class.getResource("/fonts/wqy-microhei.ttc") == null) {
			throw new UncheckedIOException(new IOException("fonts/wqy-microhei.ttc not on the class path"));
		}
	}
}
