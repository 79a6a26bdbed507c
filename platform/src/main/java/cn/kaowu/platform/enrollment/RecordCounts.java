package cn.kaowu.platform.enrollment;

import java.util.Collection;
import java.util.Map;

import cn.kaowu.platform.candidate.RegistrationCounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The candidate module's question "registered for how many plans?", answered from the records. */
@Component
class RecordCounts implements RegistrationCounts {

	private final RegistrationRecords records;

	RecordCounts(RegistrationRecords records) {
		this.records = records;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Integer> plansOf(Collection<Long> candidateIds) {
		return records.plansPerCandidate(candidateIds);
	}
}
