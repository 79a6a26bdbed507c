package cn.kaowu.platform.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message source over {@code messages*.properties} and every module bundle {@code i18n/<module>*.properties},
 * found on the classpath, so a new module adds its texts without touching shared configuration.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames().toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static List<String> basenames() {
		List<String> names = new ArrayList<>();
		names.add("messages");
		TreeSet<String> modules = new TreeSet<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
				String file = r.getFilename();
				if (file != null && !file.contains("_")) {
					modules.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		names.addAll(modules);
		return names;
	}
}
