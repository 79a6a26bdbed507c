package cn.kaowu.platform.materials;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import cn.kaowu.platform.document.PdfCanvas;

/**
 * Writes the printed materials of scheduled exams as A4 PDFs (and all of a site's as one zip). Every method writes
 * to the given stream and leaves it open; nothing is kept after it returns. Thread-safe (stateless).
 */
@Component
public class ExamMaterials {

	private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

	/** 准考证: one A4 page per ticket, in the order given, in one PDF. */
	public void tickets(Iterable<TicketData> tickets, OutputStream out) {
		write("准考证", out, pdf -> {
			TicketPages pages = new TicketPages(pdf);
			for (TicketData t : tickets) {
				pages.page(t);
			}
			if (pdf.pageCount() == 0) {
				empty(pdf, "准考证");
			}
		});
	}

	/** 桌贴: ten labels per A4 page, one per seat of the room. */
	public void deskLabels(RoomSheet room, OutputStream out) {
		write(title(MaterialKind.DESK_LABELS, room), out, pdf -> RoomForms.deskLabels(pdf, room));
	}

	/** 门贴: one A4 landscape page. */
	public void doorLabel(RoomSheet room, OutputStream out) {
		write(title(MaterialKind.DOOR_LABEL, room), out, pdf -> RoomForms.doorLabel(pdf, room));
	}

	/** 考场签到表 of the room's slot (the slot's kind names it theory or practice). */
	public void signInSheet(RoomSheet room, OutputStream out) {
		write(title(MaterialKind.SIGN_IN_SHEET, room), out, pdf -> RoomForms.signInSheet(pdf, room));
	}

	/** 考场情况记录表 of the room's slot. */
	public void roomRecord(RoomSheet room, OutputStream out) {
		write(title(MaterialKind.ROOM_RECORD, room), out, pdf -> RoomForms.roomRecord(pdf, room));
	}

	/** 巡考情况记录表 of the site. */
	public void patrolRecord(SiteSheet site, OutputStream out) {
		write("巡考情况记录表 " + site.exam().siteCode(), out, pdf -> SiteForms.patrolRecord(pdf, site));
	}

	/** 考场封场确认单 of the site. */
	public void sealConfirmation(SiteSheet site, OutputStream out) {
		write("考场封场确认单 " + site.exam().siteCode(), out, pdf -> SiteForms.sealConfirmation(pdf, site));
	}

	/** 考务人员承诺书 of the site. */
	public void staffPledge(SiteSheet site, OutputStream out) {
		write("考务人员承诺书 " + site.exam().siteCode(), out, pdf -> SiteForms.staffPledge(pdf, site));
	}

	/**
	 * All materials of a site and plan as one zip: the three site forms at the top, then a folder per room and slot
	 * ({@code 20261205-0900 理论 信息楼A302/}) with its 准考证 (if the room carries tickets), 桌贴, 门贴, 考场签到表 and
	 * 考场情况记录表. Rooms are taken from {@code rooms} one at a time and each PDF is written straight into the zip, so
	 * the caller may load rooms lazily and memory stays that of one room.
	 *
	 * @return the number of PDF pages written
	 */
	public long zip(SiteSheet site, Iterator<RoomMaterials> rooms, OutputStream out) {
		ZipOutputStream zip = new ZipOutputStream(out);
		// PDFs are compressed already; fast deflate saves little but costs little.
		zip.setLevel(Deflater.BEST_SPEED);
		long pages = 0;
		pages += entry(zip, file(MaterialKind.PATROL_RECORD), pdf -> SiteForms.patrolRecord(pdf, site));
		pages += entry(zip, file(MaterialKind.SEAL_CONFIRMATION), pdf -> SiteForms.sealConfirmation(pdf, site));
		pages += entry(zip, file(MaterialKind.STAFF_PLEDGE), pdf -> SiteForms.staffPledge(pdf, site));
		while (rooms.hasNext()) {
			RoomMaterials room = rooms.next();
			RoomSheet sheet = room.sheet();
			String folder = folder(sheet);
			if (!room.tickets().isEmpty()) {
				pages += entry(zip, folder + file(MaterialKind.TICKETS), pdf -> {
					TicketPages ticketPages = new TicketPages(pdf);
					room.tickets().forEach(ticketPages::page);
				});
			}
			pages += entry(zip, folder + file(MaterialKind.DESK_LABELS), pdf -> RoomForms.deskLabels(pdf, sheet));
			pages += entry(zip, folder + file(MaterialKind.DOOR_LABEL), pdf -> RoomForms.doorLabel(pdf, sheet));
			pages += entry(zip, folder + file(MaterialKind.SIGN_IN_SHEET), pdf -> RoomForms.signInSheet(pdf, sheet));
			pages += entry(zip, folder + file(MaterialKind.ROOM_RECORD), pdf -> RoomForms.roomRecord(pdf, sheet));
		}
		finish(zip);
		return pages;
	}

	private static void finish(ZipOutputStream zip) {
		try {
			zip.finish();
			zip.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Only the 准考证 of many rooms as one zip, one PDF per room ({@code 准考证/信息楼 A302 机房.pdf}, named after the
	 * room of the first ticket); rooms are taken one at a time and each PDF is written straight into the zip.
	 *
	 * @return the number of pages (tickets) written
	 */
	public long ticketsZip(Iterator<List<TicketData>> rooms, OutputStream out) {
		ZipOutputStream zip = new ZipOutputStream(out);
		zip.setLevel(Deflater.BEST_SPEED);
		long pages = 0;
		while (rooms.hasNext()) {
			List<TicketData> room = rooms.next();
			if (room.isEmpty()) {
				continue;
			}
			pages += entry(zip, MaterialKind.TICKETS.title() + "/" + safe(room.get(0).roomName()) + ".pdf", pdf -> {
				TicketPages ticketPages = new TicketPages(pdf);
				room.forEach(ticketPages::page);
			});
		}
		finish(zip);
		return pages;
	}

	/** The zip folder of a room and slot: start time, kind and room name, safe as a path on every system. */
	static String folder(RoomSheet room) {
		return safe(FOLDER_TIME.format(room.slot().start()) + " " + room.slot().kind().label() + " " + room.roomName())
				+ "/";
	}

	private static String file(MaterialKind kind) {
		return kind.title() + ".pdf";
	}

	private static String safe(String name) {
		return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
	}

	private static String title(MaterialKind kind, RoomSheet room) {
		return kind.title() + " " + room.roomName() + " " + room.slot().text();
	}

	private static int entry(ZipOutputStream zip, String name, Consumer<PdfCanvas> drawing) {
		try (PdfCanvas pdf = PdfCanvas.create(name.replace(".pdf", ""))) {
			drawing.accept(pdf);
			zip.putNextEntry(new ZipEntry(name));
			pdf.writeTo(zip);
			zip.closeEntry();
			return pdf.pageCount();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(String title, OutputStream out, Consumer<PdfCanvas> drawing) {
		try (PdfCanvas pdf = PdfCanvas.create(title)) {
			drawing.accept(pdf);
			pdf.writeTo(out);
		}
	}

	private static void empty(PdfCanvas pdf, String what) {
		pdf.newPage(PdfCanvas.A4);
		pdf.textCentered("（无" + what + "）", 105, 40, 14);
	}
}
