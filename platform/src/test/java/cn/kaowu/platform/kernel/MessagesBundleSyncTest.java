package cn.kaowu.platform.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Chinese message has an English twin and vice versa, and every literal message key used in a
 * template exists.
 */
class MessagesBundleSyncTest {

	static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			for (Path zh : files.filter(p -> p.getFileName().toString().matches("[a-z-]+\\.properties"))
				.filter(p -> !p.getFileName().toString().startsWith("application"))
				.toList()) {
				Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
				assertThat(en).as("English twin of " + zh).exists();
				Set<String> zhKeys = keys(zh);
				Set<String> enKeys = keys(en);
				assertThat(new TreeSet<>(enKeys)).as("keys of " + en + " vs " + zh).isEqualTo(new TreeSet<>(zhKeys));
			}
		}
	}

	@Test
	void everyMessageKeyInTheTemplatesExists() throws IOException {
		Set<String> all = new HashSet<>();
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			for (Path p : files.filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties"))
				.filter(f -> !f.getFileName().toString().startsWith("application"))
				.toList()) {
				all.addAll(keys(p));
			}
		}
		// Literal keys only: #{some.key} or #{some.key(args)}; computed keys like #{${x}} are checked elsewhere.
		Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = literal.matcher(Files.readString(t));
				while (m.find()) {
					if (!all.contains(m.group(1))) {
						missing.add(RESOURCES.relativize(t) + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleAndMenuGroupHasALabel() throws IOException {
		Set<String> keys = keys(RESOURCES.resolve("messages.properties"));
		for (Role role : Role.values()) {
			assertThat(keys).contains(role.messageKey());
		}
		for (MenuItem.Group group : MenuItem.Group.values()) {
			assertThat(keys).contains(group.messageKey());
		}
	}

	private static Set<String> keys(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p.stringPropertyNames();
	}
}
