package cn.kaowu.examsite.infra;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The site's language, as on the platform: zh-CN first ({@code messages.properties}), English
 * ({@code messages_en.properties}) on request with {@code ?lang=en}, kept in the cookie {@value #COOKIE}. The
 * browser's Accept-Language is never consulted: an exam room in China shows Chinese whatever the PC's settings.
 */
@Configuration(proxyBeanMethods = false)
class SiteLanguage implements WebMvcConfigurer {

    static final String COOKIE = "kaowu-lang";

    static {
        // Outside a web request (logs, background uploads) messages are Chinese, not the JVM's locale.
        LocaleContextHolder.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        // Without this a JVM running in English would answer messages_en for zh-CN.
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // Before the session guard, so that /admin?lang=en still sets the language on the way to the login page.
        registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
    }
}
