package cn.kaowu.platform.portal;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The client address behind (only) trusted proxies, and the masked name. */
class PortalRulesTest {

	@Test
	void forwardedForCountsOnlyFromATrustedProxy() {
		// Default: no proxy trusted, the header is the client's own invention.
		assertThat(ClientAddress.resolve("203.0.113.9", "10.0.0.1", Set.of())).isEqualTo("203.0.113.9");
		// From a trusted proxy: the right-most hop that is not a trusted proxy.
		Set<String> proxies = Set.of("10.0.0.2", "10.0.0.3");
		assertThat(ClientAddress.resolve("10.0.0.2", "198.51.100.7", proxies)).isEqualTo("198.51.100.7");
		assertThat(ClientAddress.resolve("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.3", proxies))
			.isEqualTo("198.51.100.7");
		assertThat(ClientAddress.resolve("10.0.0.2", null, proxies)).isEqualTo("10.0.0.2");
		assertThat(ClientAddress.resolve("10.0.0.2", " , ", proxies)).isEqualTo("10.0.0.2");
		// Not from the proxy: the header is ignored.
		assertThat(ClientAddress.resolve("203.0.113.9", "198.51.100.7", proxies)).isEqualTo("203.0.113.9");
	}

	@Test
	void namesAreMaskedInTheMiddle() {
		assertThat(ScoreLookup.maskName("张三丰")).isEqualTo("张*丰");
		assertThat(ScoreLookup.maskName("张三")).isEqualTo("张*");
		assertThat(ScoreLookup.maskName("欧阳小明")).isEqualTo("欧**明");
		assertThat(ScoreLookup.maskName("王")).isEqualTo("王");
		assertThat(ScoreLookup.maskName("𠀀𠀁𠀂")).isEqualTo("𠀀*𠀂");
	}
}
