package cn.kaowu.platform.demo;

import java.util.List;

import cn.kaowu.platform.bank.BankManagement;
import cn.kaowu.platform.bank.Blueprint;
import cn.kaowu.platform.bank.BlueprintForm;
import cn.kaowu.platform.bank.ItemBody;
import cn.kaowu.platform.bank.ItemFilter;
import cn.kaowu.platform.bank.ItemForm;
import cn.kaowu.platform.bank.ItemType;
import cn.kaowu.platform.catalog.ExamMode;
import cn.kaowu.platform.catalog.LevelView;
import cn.kaowu.platform.catalog.SubjectView;
import cn.kaowu.platform.identity.AccountManagement;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * hongke's bank for 网店运营推广（初级）: nine theory items (单选, 多选, 判断) and a blueprint of 100 points they satisfy, one
 * practical task with its rubric. Skipped when hongke already has items.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class BankDemoData implements DemoStep {

	private final BankManagement bank;

	private final OrganisationManagement organisations;

	private final AccountManagement accounts;

	BankDemoData(BankManagement bank, OrganisationManagement organisations, AccountManagement accounts) {
		this.bank = bank;
		this.organisations = organisations;
		this.accounts = accounts;
	}

	@Override
	public int order() {
		return 85;
	}

	@Override
	public void run() {
		var account = accounts.findByUsername("hongke").orElse(null);
		if (account == null) {
			return;
		}
		OrganisationView org = organisations.find(account.organisationId()).orElseThrow();
		Scope hongke = new Scope(account.id(), account.username(), account.role(), org.id(), org.provinceId(),
				org.cityId());
		if (!bank.list(hongke, ItemFilter.none(), PageQuery.of(1, 1)).items().isEmpty()) {
			return;
		}
		LevelView level = bank.levels(hongke).stream().findFirst().orElse(null);
		if (level == null) {
			return;
		}
		SubjectView theory = level.subjects().stream().filter(s -> s.examMode() == ExamMode.COMPUTER).findFirst()
			.orElse(null);
		SubjectView practice = level.subjects().stream().filter(s -> s.examMode().includesPractical()).findFirst()
			.orElse(null);
		if (theory != null) {
			long l = level.id();
			long s = theory.id();
			single(hongke, l, s, "个人在淘宝开店，实名认证需要提供以下哪种证件？", List.of("营业执照", "本人身份证", "户口本"), "B");
			single(hongke, l, s, "网店名称中一般不允许出现的是？", List.of("品牌名", "经营类目", "“最”“第一”等极限词"), "C");
			single(hongke, l, s, "店铺保证金的主要作用是？", List.of("支付推广费用", "消费者权益保障", "购买装修模板"), "B");
			single(hongke, l, s, "商品主图建议的尺寸比例是？", List.of("1:1", "16:9", "4:3", "3:4"), "A");
			bank.create(hongke, ItemForm.objective(l, s, ItemType.MULTIPLE, "网店推广", 3, 15, "以下哪些属于站内付费推广工具？",
					List.of("直通车", "引力魔方", "微信朋友圈", "万相台"), "ABD"));
			bank.create(hongke, ItemForm.objective(l, s, ItemType.MULTIPLE, "网店推广", 3, 15, "影响商品搜索排名的因素有？",
					List.of("标题关键词", "销量与转化率", "店铺所在城市", "动态评分"), "ABD"));
			bank.create(hongke, ItemForm.objective(l, s, ItemType.TRUE_FALSE, "客户服务", 1, 10, "直通车按展现次数扣费。",
					List.of(), "错误"));
			bank.create(hongke, ItemForm.objective(l, s, ItemType.TRUE_FALSE, "客户服务", 1, 10, "客服首次响应时间越短越有利于转化。",
					List.of(), "正确"));
			bank.create(hongke, ItemForm.objective(l, s, ItemType.TRUE_FALSE, "客户服务", 2, 10, "买家签收后不能再发起售后申请。",
					List.of(), "错误"));
			bank.saveBlueprint(hongke, l, s, BlueprintForm.of(List.of(new Blueprint.Line(ItemType.SINGLE, "网店开设", 4, 10),
					new Blueprint.Line(ItemType.MULTIPLE, "网店推广", 2, 15), new Blueprint.Line(ItemType.TRUE_FALSE, "客户服务", 3, 10))));
		}
		if (practice != null) {
			bank.create(hongke, ItemForm.practical(level.id(), practice.id(), "店铺装修", 4, 100,
					"按所给素材完成一家农产品网店的首页装修：店招、轮播海报、商品分类导航和三个商品推荐位。",
					List.of(new ItemBody.Criterion("店招含店铺名称和标志，尺寸正确", 20),
							new ItemBody.Criterion("轮播海报主题突出、文字清晰", 30),
							new ItemBody.Criterion("分类导航与商品类目一致", 20),
							new ItemBody.Criterion("推荐位图片、标题、价格完整", 30))));
		}
	}

	private void single(Scope scope, long levelId, long subjectId, String stem, List<String> options, String answer) {
		bank.create(scope, ItemForm.objective(levelId, subjectId, ItemType.SINGLE, "网店开设", 2, 10, stem, options, answer));
	}
}
