package cn.kaowu.platform.site;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import cn.kaowu.platform.kernel.IllegalStateTransition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every from/to pair of the site state machines, each verb in every state, and the site codes. */
class SiteStatesTest {

	static final Set<String> APPLICATION_MOVES = Set.of("DRAFT>SUBMITTED", "SUBMITTED>DRAFT", "SUBMITTED>APPROVED",
			"SUBMITTED>RETURNED", "RETURNED>SUBMITTED");

	static final Set<String> OPERATING_MOVES = Set.of("ACTIVE>SUSPENDED", "ACTIVE>REVOKED", "SUSPENDED>ACTIVE",
			"SUSPENDED>REVOKED");

	@Test
	void applicationStatusAllowsExactlyTheMovesOfTheWorkflow() {
		for (SiteApplicationStatus from : SiteApplicationStatus.values()) {
			for (SiteApplicationStatus to : SiteApplicationStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to)
					.isEqualTo(APPLICATION_MOVES.contains(from + ">" + to));
			}
			assertThat(from.editable()).as(from.name())
				.isEqualTo(from == SiteApplicationStatus.DRAFT || from == SiteApplicationStatus.RETURNED);
		}
		verb(SiteApplicationStatus.values(), SiteApplicationStatus::submit, SiteApplicationStatus.SUBMITTED);
		verb(SiteApplicationStatus.values(), SiteApplicationStatus::withdraw, SiteApplicationStatus.DRAFT);
		verb(SiteApplicationStatus.values(), SiteApplicationStatus::approve, SiteApplicationStatus.APPROVED);
		verb(SiteApplicationStatus.values(), SiteApplicationStatus::returnForChanges, SiteApplicationStatus.RETURNED);
	}

	@Test
	void operatingStatusSuspendsReinstatesAndRevokesForGood() {
		for (SiteStatus from : SiteStatus.values()) {
			for (SiteStatus to : SiteStatus.values()) {
				assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(OPERATING_MOVES.contains(from + ">" + to));
			}
		}
		verb(SiteStatus.values(), SiteStatus::suspend, SiteStatus.SUSPENDED);
		verb(SiteStatus.values(), SiteStatus::reinstate, SiteStatus.ACTIVE);
		verb(SiteStatus.values(), SiteStatus::revoke, SiteStatus.REVOKED);
	}

	private static <S extends Enum<S>> void verb(S[] states, UnaryOperator<S> verb, S target) {
		for (S from : states) {
			boolean allowed = from instanceof SiteApplicationStatus a ? a.canMoveTo((SiteApplicationStatus) target)
					: ((SiteStatus) from).canMoveTo((SiteStatus) target);
			if (allowed) {
				assertThat(verb.apply(from)).isEqualTo(target);
			}
			else {
				assertThatThrownBy(() -> verb.apply(from)).as(from + " → " + target)
					.isInstanceOf(IllegalStateTransition.class);
			}
		}
	}

	@Test
	void siteCodesAreCertificateProvinceSequence() {
		String part = SiteCodes.certificatePart(List.of("1530003007020028", "1530003007010027"), 7);
		assertThat(part).isEqualTo("30003007");
		assertThat(SiteCodes.certificatePart(List.of(), 42)).isEqualTo("C00000042");
		String prefix = SiteCodes.prefix(part, "320000");
		assertThat(SiteCodes.next(prefix, List.of())).isEqualTo("30003007-320000-001");
		assertThat(SiteCodes.next(prefix, List.of("30003007-320000-001", "30003007-320000-009",
				"30003007-110000-050", "30003007-320000-x"))).isEqualTo("30003007-320000-010");
		assertThat(SiteCodes.next(prefix, List.of("30003007-320000-999"))).isEqualTo("30003007-320000-1000");
	}
}
