package cn.kaowu.platform.room;

/**
 * The capacity check of one plan subject (slot) at a site: the seats of the site's rooms serving it must cover the
 * candidates registered for it.
 *
 * @param planSubjectId the plan subject
 * @param label e.g. 初级理论（2026-06-26 14:00-15:00）
 * @param registrations candidates registered for it at the site
 * @param seats seats of the rooms serving it
 */
public record SubjectCoverage(long planSubjectId, String label, int registrations, int seats) {

	/** Seats missing; 0 when covered. */
	public int shortfall() {
		return Math.max(0, registrations - seats);
	}

	public boolean ok() {
		return seats >= registrations;
	}
}
