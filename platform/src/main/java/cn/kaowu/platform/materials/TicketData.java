package cn.kaowu.platform.materials;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One admission ticket (准考证): one per candidate and plan, the same number for theory and practice.
 *
 * @param photo the candidate's 小一寸 photo (JPEG or PNG), or {@code null} for an empty photo box
 * @param pinyin the name in pinyin (see {@code candidate.NamePinyin}), e.g. ZHANG San
 * @param maskedIdNumber the ID number masked as in {@code ChineseIdNumber.mask}; a whole number is refused
 * @param ticketNumber the admission ticket number; its last six digits are the initial exam password
 * @param seat the seat number in {@code roomName}
 * @param subjects the candidate's subjects with their times, in the order printed
 */
public record TicketData(byte @Nullable [] photo, String name, String pinyin, String maskedIdNumber,
		String ticketNumber, ExamInfo exam, String roomName, String roomAddress, int seat, List<ExamSlot> subjects) {

	public TicketData {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(pinyin, "pinyin");
		MaskedId.require(maskedIdNumber);
		Objects.requireNonNull(ticketNumber, "ticketNumber");
		Objects.requireNonNull(exam, "exam");
		Objects.requireNonNull(roomName, "roomName");
		Objects.requireNonNull(roomAddress, "roomAddress");
		subjects = List.copyOf(subjects);
	}
}
