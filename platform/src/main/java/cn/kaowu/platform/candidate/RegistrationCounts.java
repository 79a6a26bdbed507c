package cn.kaowu.platform.candidate;

import java.util.Collection;
import java.util.Map;

/**
 * How many plans each candidate is registered for. Implemented by the registration module (which owns the records);
 * the candidate module asks it before deleting a candidate and for the count its views show.
 */
public interface RegistrationCounts {

	/** Plans per candidate; candidates without registrations may be left out. */
	Map<Long, Integer> plansOf(Collection<Long> candidateIds);
}
