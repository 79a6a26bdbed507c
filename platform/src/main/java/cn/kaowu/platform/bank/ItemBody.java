package cn.kaowu.platform.bank;

import java.util.List;
import java.util.UUID;

/**
 * What an item says: stored only encrypted ({@link BankCipher}), as JSON of this record.
 *
 * @param stem 题干 (the task instructions of a practical item)
 * @param options 选项 A, B, … in order (empty for 判断 and 实操)
 * @param answer the key: option letters in order ({@code "B"}, {@code "ACD"}), {@code "TRUE"}/{@code "FALSE"} for
 * 判断, empty for 实操
 * @param rubric 评分标准 of a practical item (empty otherwise)
 * @param attachments files of a practical item (素材), stored by the storage module
 */
public record ItemBody(String stem, List<String> options, String answer, List<Criterion> rubric,
		List<Attachment> attachments) {

	public ItemBody {
		options = List.copyOf(options);
		rubric = List.copyOf(rubric);
		attachments = List.copyOf(attachments);
	}

	/** One line of a rubric: what is checked and the points it gives. */
	public record Criterion(String text, int points) {
	}

	/** A file handed to the candidate with a practical task. */
	public record Attachment(UUID fileId, String name) {
	}

	/** The letter of option {@code index} (0 → A). */
	public static String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

	/** The options as shown: "A. …", "B. …". */
	public List<String> lettered() {
		return java.util.stream.IntStream.range(0, options.size()).mapToObj(i -> letter(i) + ". " + options.get(i)).toList();
	}

	/** 正确/错误 for 判断, the letters otherwise. */
	public String answerText() {
		return switch (answer) {
			case "TRUE" -> "正确";
			case "FALSE" -> "错误";
			default -> answer;
		};
	}
}
