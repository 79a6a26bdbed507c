package cn.kaowu.platform.materials;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A subject at its time (China time, as printed).
 *
 * @param subject the subject's name, e.g. 网店运营推广（初级）理论知识
 */
public record ExamSlot(String subject, ExamKind kind, LocalDateTime start, LocalDateTime end) {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public ExamSlot {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(kind, "kind");
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("exam slot ends before it starts: " + start + " - " + end);
		}
	}

	/** 2026年12月5日 */
	public String dateText() {
		return DATE.format(start);
	}

	/** 09:00-10:30 */
	public String timeText() {
		return TIME.format(start) + "-" + TIME.format(end);
	}

	/** 2026年12月5日 09:00-10:30 */
	public String text() {
		return dateText() + " " + timeText();
	}
}
