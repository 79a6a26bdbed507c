package cn.kaowu.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: each direct sub-package of {@code cn.kaowu.platform} is a module whose root package is
 * its API; sub-packages ({@code internal}, {@code web}, {@code api}) are hidden from other modules, and
 * modules must not form cycles. Fails the build on a breach.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(KaowuPlatformApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writeModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
