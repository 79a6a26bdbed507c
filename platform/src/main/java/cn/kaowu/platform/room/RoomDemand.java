package cn.kaowu.platform.room;

import java.util.Map;

/**
 * The hook for the registration module (enrollment): how many candidates are registered at a site for each subject
 * (slot) of a plan. When a bean implements it, the room page shows the capacity check of
 * {@link RoomManagement#coverage}; without one the check is hidden (rooms never pretend a demand of 0).
 */
public interface RoomDemand {

	/** Registrations by plan subject id ({@code PlanSubjectView.id}); subjects without registrations may be left out. */
	Map<Long, Integer> registrationsBySubject(long planId, long siteId);
}
