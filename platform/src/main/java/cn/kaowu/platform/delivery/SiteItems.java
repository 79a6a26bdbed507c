package cn.kaowu.platform.delivery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.kaowu.exampackage.ItemPayload;
import cn.kaowu.exampackage.ItemType;
import cn.kaowu.platform.bank.BankItem;
import cn.kaowu.platform.bank.ItemBody;

/**
 * A bank item as a package carries it: the shared {@link ItemPayload} the site reads. True/false items get the
 * options T (正确) and F (错误); practical tasks carry their instructions as the stem.
 */
final class SiteItems {

	private SiteItems() {
	}

	static String itemId(BankItem item) {
		return item.id() + "v" + item.version();
	}

	static byte[] payload(BankItem item) {
		ItemBody body = item.body();
		List<ItemPayload.Option> options = new ArrayList<>();
		List<String> key = new ArrayList<>();
		ItemType type = switch (item.type()) {
			case SINGLE -> ItemType.SINGLE_CHOICE;
			case MULTIPLE -> ItemType.MULTIPLE_CHOICE;
			case TRUE_FALSE -> ItemType.TRUE_FALSE;
			case PRACTICAL -> ItemType.PRACTICAL;
		};
		switch (item.type()) {
			case SINGLE, MULTIPLE -> {
				for (int i = 0; i < body.options().size(); i++) {
					options.add(new ItemPayload.Option(ItemBody.letter(i), body.options().get(i)));
				}
				body.answer().chars().forEach(c -> key.add(String.valueOf((char) c)));
			}
			case TRUE_FALSE -> {
				options.add(new ItemPayload.Option("T", "正确"));
				options.add(new ItemPayload.Option("F", "错误"));
				key.add("正确".equals(body.answer()) ? "T" : "F");
			}
			case PRACTICAL -> {
			}
		}
		return new ItemPayload(type, body.stem(), options, key, BigDecimal.valueOf(item.points())).encode();
	}
}
