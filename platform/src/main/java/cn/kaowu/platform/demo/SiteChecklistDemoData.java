package cn.kaowu.platform.demo;

import java.util.List;

import cn.kaowu.platform.catalog.CatalogManagement;
import cn.kaowu.platform.catalog.CertificateView;
import cn.kaowu.platform.kernel.PageQuery;
import cn.kaowu.platform.kernel.Role;
import cn.kaowu.platform.kernel.Scope;
import cn.kaowu.platform.org.OrganisationManagement;
import cn.kaowu.platform.org.OrganisationView;
import cn.kaowu.platform.site.ChecklistItemForm;
import cn.kaowu.platform.site.QualificationChecklists;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The site qualification checklists of the three certificates, with the requirements of the seed documents
 * (shortened where long): 直播电商运营 from 000 tables 1-1..1-3, 电子商务数据分析 from the equipment table of
 * 002 art.3, 网店运营推广 from the server/proctor/candidate PC table of 004 ch.4. Added as the owning ORG when the
 * certificate has no checklist yet.
 */
@Component
@ConditionalOnProperty(name = "kaowu.demo.enabled", havingValue = "true")
class SiteChecklistDemoData implements DemoStep {

	private record Item(String category, String requirement, String source) {
	}

	private static final String S000 = "000 直播电商运营考核站点遴选条件与建设标准 ";

	private static final String S002 = "002 电子商务数据分析考核站点管理办法 第三条 ";

	private static final String S004 = "004 网店运营推广试点院校考试指导手册 第四章 ";

	static final List<Item> LIVE_STREAMING = List.of(
			new Item("资质要求", "认可直播电商运营职业技能等级证书培训项目；中高职及应用型本科院校，或具备办学许可证的组织机构", S000 + "（二）1"),
			new Item("计算机硬件（最低配置）", "CPU Intel 酷睿双核 i3（建议 i5）；内存 ≥ 4G；显示器分辨率 1440×900；网卡 100M", S000 + "表 1-1"),
			new Item("计算机软件", "计算机操作系统 Windows 7；电脑客户端浏览器 Chrome 72", S000 + "表 1-1"),
			new Item("手机直播硬件", "手机像素 ≥ 800 万 ×2；声卡支持双设备连接，兼容手机、电脑、平板；支架（三脚架、云台）；电容麦克风；监听耳机；补光灯（白光灯、暖光灯）", S000 + "表 1-2"),
			new Item("手机直播网络", "WIFI 稳定", S000 + "表 1-2"),
			new Item("直播间硬件", "电脑 CPU i5（最好 i7）、内存 8G、独立声卡和显卡；高清摄像头 1080P 摄像，支持美颜；补光灯 10～18 寸；背景（书架/幕布/装饰）；提词器（手卡/白板）", S000 + "表 1-3"),
			new Item("直播间网络", "WIFI 稳定", S000 + "表 1-3"),
			new Item("网络", "考核场地、设施设备可流畅访问互联网，网络主干道千兆带宽，无瓶颈（如百兆交换机、百兆网线）", S000 + "（二）2（2）"),
			new Item("监控", "考场和考务室配备监控设备，实现全程高清监控并留存备查", S000 + "（二）2（3）"),
			new Item("消防安全", "严格执行消防管理规定，无危房、无安全隐患；具备灭火器材、疏散通道或安全出口并建立应急疏散预案", S000 + "（二）2（4）"));

	static final List<Item> DATA_ANALYSIS = List.of(
			new Item("考场", "每个考场（机房）能够同时满足 40 人进行理论考试和实操考试，具有良好的照明和通风条件，周围无噪音干扰", S002 + "（二）"),
			new Item("考生计算机（45 台）", "Windows7 以上；CPU i5 或以上；内存 4G DDR4 或以上；硬盘 500G 或以上；谷歌浏览器 74.0 以上；预装 office2016、FSCapture 截图软件；考试中卸载或关闭还原卡/保护卡、关闭 USB 接口、切断外网；不推荐笔记本", S002 + "配置清单"),
			new Item("考试主控机（1 台）", "配置同考生计算机，可为机房教师机；用于考前考题下载、考后考试数据上传", S002 + "配置清单"),
			new Item("考试服务器（2 台，其中 1 台备用建议配备）", "Windows Server 2008 R2；CPU 6 核 E5 或以上；内存 16G 或以上；磁盘 500G 或以上；千兆网卡；固定 IP，能联接外网（至少 10M）；不允许 VM 虚拟机和云桌面", S002 + "配置清单"),
			new Item("多媒体设备（1 套）", "投影仪（含幕布）、无线或有线话筒、音响、电子讲台（含中控）等", S002 + "配置清单"),
			new Item("网络设备（1 套）", "机房内网千兆网线、千兆交换机、千兆路由器，外网 10M 以上入口带宽；考试服务器与考生计算机在一个互通的局域网内，考场具有局域网管理权限", S002 + "配置清单"),
			new Item("监控设备（每考场 2 个）", "每个考场不少于 2 个监控摄像头，实现考试全过程视频采集与存储；摄像头不低于 100 万像素，720P", S002 + "配置清单"),
			new Item("考务团队", "组织机构完善，专兼职考务管理团队不少于 5 人，负责人具备考试考务组织实施管理经验", S002 + "（三）"),
			new Item("考务办公室", "设立独立考务办公室，供监考、巡考、技术支持等考务人员开会、办公及休息", S002 + "（四）"),
			new Item("供电", "稳定供电系统，条件允许时双路供电；配套不间断电源，确保考试服务器运行状态下不少于 2 小时持续供电", S002 + "（六）"));

	static final List<Item> ONLINE_STORE = List.of(
			new Item("部署模式", "每个考场至少配备 1 台服务器、1 台监考机、40 台考生机（均为 PC 机）", S004 + "（一）1"),
			new Item("服务器", "最低 8 核以上 CPU、16GB 以上内存（建议 16 核、32GB）；500G 以上硬盘，转速 10000 转以上；千兆网卡；Windows Server 2008 R2 及 IIS7.5，SQL Server 2005；能接入互联网，固定 IP，建议配备 UPS", S004 + "（一）2 配置要求"),
			new Item("监考机", "双核 3.0 以上 CPU；4G 以上内存（建议 8G）；100G 以上硬盘；2G 显存以上独立显卡，千兆网卡；Windows7 以上；火狐和谷歌浏览器；中英文输入法；Dreamweaver CS6、Fireworks CS6、Photoshop CS6", S004 + "（一）2 配置要求"),
			new Item("考生机", "配置同监考机；键盘、鼠标、显示器工作正常，与服务器在同一局域网", S004 + "（一）2 配置要求"),
			new Item("网络交换机", "千兆企业级交换机，能够自适 10/100/1000M 端口传输速率", S004 + "（一）2 配置要求"),
			new Item("无线屏蔽设备", "实时全屏蔽 2G/3G/4G 全网及蓝牙、Wi-Fi 2.4G/5.8G；对 100MHz～1.1GHz 专业作弊设备直接阻断", S004 + "（一）2 配置要求"),
			new Item("身份认证设备", "支持活体指纹识别、ID 号读取、二代证信息（照片、指纹等）读取", S004 + "（一）2 配置要求"),
			new Item("监控设备", "考核场地全覆盖，至少两路 200 万像素以上，能音视频实时监控、录像及回放、实时录制存储", S004 + "（一）2 配置要求"),
			new Item("场地", "考场设在至少具有 40 个标准考位的机房；考位相互独立，间距不小于 1 米；稳定供电，所有终端运行状态下不少于 5 小时持续供电", S004 + "（二）"),
			new Item("考试管理团队", "至少配备考试评价工作负责人 1 名、考务管理人员 2 名、系统管理员 1 名，经鸿科经纬培训并通过考试", S004 + "（三）2"));

	private final QualificationChecklists checklists;

	private final CatalogManagement catalog;

	private final OrganisationManagement organisations;

	SiteChecklistDemoData(QualificationChecklists checklists, CatalogManagement catalog,
			OrganisationManagement organisations) {
		this.checklists = checklists;
		this.catalog = catalog;
		this.organisations = organisations;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void run() {
		seed(DemoDataLoader.ORG_AOPAI, "直播电商运营", LIVE_STREAMING);
		seed(DemoDataLoader.ORG_BODAO, "电子商务数据分析", DATA_ANALYSIS);
		seed(DemoDataLoader.ORG_HONGKE, "网店运营推广", ONLINE_STORE);
	}

	private void seed(String orgCode, String certificateName, List<Item> items) {
		OrganisationView org = organisations.findByCode(orgCode).orElseThrow();
		Scope owner = new Scope(null, "demo", Role.ORG, org.id(), null, null);
		CertificateView certificate = catalog
			.listCertificates(owner, new CatalogManagement.CertificateFilter(certificateName, org.id(), null),
					PageQuery.of(1, 10))
			.items()
			.stream()
			.filter(c -> c.name().equals(certificateName))
			.findFirst()
			.orElseThrow();
		if (!checklists.of(owner, certificate.id()).isEmpty()) {
			return;
		}
		items.forEach(i -> checklists.add(owner, certificate.id(),
				ChecklistItemForm.of(i.category(), i.requirement(), i.source())));
	}
}
