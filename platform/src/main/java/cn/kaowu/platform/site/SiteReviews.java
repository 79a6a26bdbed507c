package cn.kaowu.platform.site;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviews of a site with their ticked checklists. */
@Repository
class SiteReviews {

	private final JdbcClient jdbc;

	SiteReviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long siteId, SiteApplicationStatus decision, @Nullable String reason, @Nullable Long reviewerId,
			String reviewerName, Instant now, List<SiteReviewView.Item> items) {
		long id = jdbc.sql("""
				INSERT INTO exam_site_review (site_id, decision, reason, reviewer_id, reviewer_name, reviewed_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(siteId, decision.name(), reason, reviewerId, reviewerName, Timestamp.from(now))
			.query(Long.class)
			.single();
		for (int i = 0; i < items.size(); i++) {
			SiteReviewView.Item item = items.get(i);
			jdbc.sql("""
					INSERT INTO exam_site_review_item (review_id, position, category, requirement, source, met, note)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, i + 1, item.category(), item.requirement(), item.source(), item.met(), item.note())
				.update();
		}
		return id;
	}

	/** The reviews of a site, newest first. */
	List<SiteReviewView> of(long siteId) {
		Map<Long, List<SiteReviewView.Item>> items = new HashMap<>();
		jdbc.sql("""
				SELECT i.* FROM exam_site_review_item i JOIN exam_site_review r ON r.id = i.review_id
				WHERE r.site_id = ? ORDER BY i.review_id, i.position""")
			.param(siteId)
			.query((rs, n) -> items.computeIfAbsent(rs.getLong("review_id"), k -> new ArrayList<>())
				.add(new SiteReviewView.Item(rs.getString("category"), rs.getString("requirement"),
						rs.getString("source"), rs.getBoolean("met"), rs.getString("note"))))
			.list();
		return jdbc.sql("SELECT * FROM exam_site_review WHERE site_id = ? ORDER BY reviewed_at DESC, id DESC")
			.param(siteId)
			.query((rs, n) -> new SiteReviewView(rs.getLong("id"),
					SiteApplicationStatus.valueOf(rs.getString("decision")), rs.getString("reason"),
					rs.getString("reviewer_name"), rs.getTimestamp("reviewed_at").toInstant(),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}
}
