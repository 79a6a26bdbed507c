package cn.kaowu.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/** Conventions the module test does not cover (STYLE.md "What that means here"). */
class ArchitectureConventionsTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.kaowu.platform");

	/** API paths answer problem documents; page controllers answer pages. Mixing them broke the error format. */
	@Test
	void apiPathsAreServedOnlyByRestControllers() {
		List<String> offenders = new ArrayList<>();
		for (Class<?> type : controllers()) {
			if (AnnotatedElementUtils.hasAnnotation(type, RestController.class)) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping != null && Stream.of(mapping.path()).anyMatch(p -> p.startsWith("/api/"))) {
					offenders.add(type.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void controllersArePackagePrivate() {
		assertThat(controllers().stream().filter(c -> Modifier.isPublic(c.getModifiers())).map(Class::getName))
			.isEmpty();
	}

	private static List<Class<?>> controllers() {
		return CLASSES.stream()
			.map(JavaClass::reflect)
			.filter(c -> AnnotatedElementUtils.hasAnnotation(c, Controller.class))
			.toList();
	}
}
