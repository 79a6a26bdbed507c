package cn.kaowu.platform.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A certificate with its levels (each with its subjects), as the UI, the API and other modules see it.
 *
 * @param id the certificate
 * @param organisationId the ORG that owns it
 * @param organisationName that ORG's name
 * @param name e.g. 网店运营推广
 * @param enabled whether the ORG has it enabled
 * @param version optimistic-locking version
 * @param createdAt when it was created
 * @param levels its levels in the order 初级, 中级, 高级
 */
public record CertificateView(long id, long organisationId, String organisationName, String name, boolean enabled,
		int version, Instant createdAt, List<LevelView> levels) {

	public int subjectCount() {
		return levels.stream().mapToInt(l -> l.subjects().size()).sum();
	}

	/** Levels not yet defined, for the "add level" form. */
	public List<CertificateLevel> missingLevels() {
		return Arrays.stream(CertificateLevel.values())
			.filter(kind -> levels.stream().noneMatch(l -> l.level() == kind))
			.toList();
	}
}
