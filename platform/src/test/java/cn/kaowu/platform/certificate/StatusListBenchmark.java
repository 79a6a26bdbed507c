package cn.kaowu.platform.certificate;

import cn.kaowu.platform.Benchmarks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench/run status-list}: the revocation list over many final certificates (1 % revoked, 1 % suspended),
 * requested again and again with nothing changed (served from {@link StatusLists}' cache: one query for the version),
 * against requests each made right after a status change (rebuilt: the query over every index and latest change,
 * the bitstring, GZIP, RS256). Rows are written straight into a throw-away database with foreign keys off, since only
 * the list's own tables are read. Prints as its last line
 * {@code status-list: certificates=N cached_ms=C rebuild_ms=R ratio_rebuild_to_cached=X jwt_bytes=B}. Not a test.
 */
public final class StatusListBenchmark {

	private static final int CERTIFICATES = Integer.getInteger("certificates", 100_000);

	private static final long BASE = 50_000_000L;

	private StatusListBenchmark() {
	}

	public static void main(String[] args) {
		Benchmarks.run(ctx -> {
			JdbcClient jdbc = ctx.getBean(JdbcClient.class);
			StatusLists lists = ctx.getBean(StatusLists.class);
			new TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class))
				.executeWithoutResult(tx -> {
					jdbc.sql("SET LOCAL session_replication_role = replica").update();
					jdbc.sql("""
							INSERT INTO certificate_issue (id, plan_id, organisation_id, candidate_id, level_id, level_code,
							  level_display_name, college_id, college_name, name, id_number_masked, year, status,
							  college_confirmed_at, org_confirmed_at, certificate_number, created_at)
							SELECT ? + g, 1, 1, g, 1, '0001-1', '初级', 1, '院校', '考生', '110101********0000', 2026, 'FINAL',
							  now(), now(), 'B-' || g, now()
							FROM generate_series(1, ?) g""").params(BASE, CERTIFICATES).update();
					jdbc.sql("""
							INSERT INTO certificate_status_index (issue_id, status_index, assigned_at)
							SELECT ? + g, (row_number() OVER (ORDER BY random()) - 1)::int, now()
							FROM generate_series(1, ?) g""").params(BASE, CERTIFICATES).update();
					jdbc.sql("""
							INSERT INTO certificate_status_change (issue_id, status, reason, changed_by, changed_at)
							SELECT ? + g, CASE WHEN g % 2 = 0 THEN 'REVOKED' ELSE 'SUSPENDED' END, 'bench', 1, now()
							FROM generate_series(1, ?, 50) g""").params(BASE, CERTIFICATES).update();
				});
			jdbc.sql("ANALYZE").update();
			for (int i = 0; i < 20; i++) {
				change(jdbc, ctx, i);
				lists.credential(StatusLists.Purpose.REVOCATION);
				lists.credential(StatusLists.Purpose.REVOCATION);
			}
			int cachedRounds = 2000;
			long t0 = System.nanoTime();
			int bytes = 0;
			for (int i = 0; i < cachedRounds; i++) {
				bytes = lists.credential(StatusLists.Purpose.REVOCATION).jwt().length();
			}
			double cached = (System.nanoTime() - t0) / 1e6 / cachedRounds;
			int rebuildRounds = 100;
			long spent = 0;
			for (int i = 0; i < rebuildRounds; i++) {
				change(jdbc, ctx, 100 + i);
				long t = System.nanoTime();
				lists.credential(StatusLists.Purpose.REVOCATION);
				spent += System.nanoTime() - t;
			}
			double rebuild = spent / 1e6 / rebuildRounds;
			System.out.printf("%d certificates, %d cached requests %.3f ms each, %d rebuilt %.2f ms each%n", CERTIFICATES,
					cachedRounds, cached, rebuildRounds, rebuild);
			System.out.printf("status-list: certificates=%d cached_ms=%.3f rebuild_ms=%.2f ratio_rebuild_to_cached=%.1f jwt_bytes=%d%n",
					CERTIFICATES, cached, rebuild, rebuild / cached, bytes);
		});
	}

	/** One more status change (a revocation of another certificate), so the next request rebuilds. */
	private static void change(JdbcClient jdbc, org.springframework.context.ApplicationContext ctx, int i) {
		new TransactionTemplate(ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class))
			.executeWithoutResult(tx -> {
				jdbc.sql("SET LOCAL session_replication_role = replica").update();
				jdbc.sql("""
						INSERT INTO certificate_status_change (issue_id, status, reason, changed_by, changed_at)
						VALUES (?, 'REVOKED', 'bench', 1, now())""").param(BASE + 3 + 50L * i).update();
			});
	}
}
