package cn.kaowu.platform.staff;

import java.time.Instant;
import java.util.List;

import cn.kaowu.platform.evaluation.SiteIndicator;
import cn.kaowu.platform.kernel.Scope;
import org.springframework.stereotype.Component;

/** The staff line of a site's evaluation sheet: how many active staff are trained. */
@Component
class StaffTrainingIndicator implements SiteIndicator.Source {

	private final StaffManagement staff;

	StaffTrainingIndicator(StaffManagement staff) {
		this.staff = staff;
	}

	@Override
	public List<SiteIndicator> indicators(long siteId, long collegeId, long certificateId, Instant from, Instant to) {
		List<StaffView> active = staff.all(Scope.system(), collegeId).stream().filter(StaffView::active).toList();
		if (active.isEmpty()) {
			return List.of();
		}
		long trained = active.stream().filter(s -> s.trainingStatus().trained()).count();
		return List.of(new SiteIndicator("evaluation.indicator.staffTraining",
				"已培训 " + trained + " / " + active.size() + " 人", "考务人员信息库（当前在岗人员）"));
	}
}
