package cn.kaowu.platform.delivery;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.platform.bank.BankItem;
import cn.kaowu.platform.bank.ItemBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank item as the exam-site server reads it from a package ({@code examsite.pkg.ItemPayload}): UTF-8 JSON
 * {@code {"type","stem","options":[{"key","text"}],"answerKey":[…],"points"}} with the exam-package item types;
 * true/false items have the options T (正确) and F (错误); practical tasks carry their instructions as the stem.
 */
final class SiteItems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Option(String key, String text) {
	}

	record Payload(String type, String stem, List<Option> options, List<String> answerKey, BigDecimal points) {
	}

	private SiteItems() {
	}

	static String itemId(BankItem item) {
		return item.id() + "v" + item.version();
	}

	static byte[] payload(BankItem item) {
		ItemBody body = item.body();
		List<Option> options = new ArrayList<>();
		List<String> key = new ArrayList<>();
		String type = switch (item.type()) {
			case SINGLE -> "SINGLE_CHOICE";
			case MULTIPLE -> "MULTIPLE_CHOICE";
			case TRUE_FALSE -> "TRUE_FALSE";
			case PRACTICAL -> "PRACTICAL";
		};
		switch (item.type()) {
			case SINGLE, MULTIPLE -> {
				for (int i = 0; i < body.options().size(); i++) {
					options.add(new Option(ItemBody.letter(i), body.options().get(i)));
				}
				body.answer().chars().forEach(c -> key.add(String.valueOf((char) c)));
			}
			case TRUE_FALSE -> {
				options.add(new Option("T", "正确"));
				options.add(new Option("F", "错误"));
				key.add("正确".equals(body.answer()) ? "T" : "F");
			}
			case PRACTICAL -> {
			}
		}
		return JSON.writeValueAsString(new Payload(type, body.stem(), options, key, BigDecimal.valueOf(item.points())))
			.getBytes(StandardCharsets.UTF_8);
	}
}
