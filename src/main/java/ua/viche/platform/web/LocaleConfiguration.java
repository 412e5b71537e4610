package ua.viche.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The language of a request: {@code ?lang=uk|en} (kept in a cookie), else the cookie, else the first of
 * the two languages the browser's {@code Accept-Language} prefers; Ukrainian when the browser asks for
 * neither or sends no header. Only these two languages exist.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    static final String COOKIE = "lang";

    @Bean
    LocaleResolver localeResolver() {
        return LangLocaleResolver.INSTANCE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = langParameter(request);
                if (lang != null) {
                    Cookie cookie = new Cookie(COOKIE, lang);
                    cookie.setPath("/");
                    cookie.setMaxAge(365 * 24 * 3600);
                    cookie.setHttpOnly(true);
                    cookie.setSecure(request.isSecure());
                    cookie.setAttribute("SameSite", "Lax");
                    response.addCookie(cookie);
                    request.setAttribute(COOKIE, lang);
                }
                return true;
            }
        });
    }

    /**
     * The language asked for by {@code ?lang=}, if it is one of ours. Reading parameters throws when
     * the container could not parse them (a broken escape, a body over the limit); the error page
     * for such a request still needs a language, so that is no language asked for.
     */
    static @Nullable String langParameter(HttpServletRequest request) {
        try {
            String lang = request.getParameter("lang");
            return "uk".equals(lang) || "en".equals(lang) ? lang : null;
        } catch (IllegalStateException unreadable) {
            return null;
        }
    }

    static Locale supported(@Nullable String lang) {
        return "en".equals(lang) ? Locale.ENGLISH : UKRAINIAN;
    }

    /** The language a request is answered in (see the class comment). */
    static Locale resolve(HttpServletRequest request) {
        return LangLocaleResolver.INSTANCE.resolveLocale(request);
    }

    /** Resolves from the request parameter, then the cookie, then {@code Accept-Language}. */
    static final class LangLocaleResolver implements LocaleResolver {

        static final LangLocaleResolver INSTANCE = new LangLocaleResolver();

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            String param = langParameter(request);
            if (param != null) {
                return supported(param);
            }
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        return supported(c.getValue());
                    }
                }
            }
            return fromAcceptLanguage(request.getHeader("Accept-Language"));
        }

        /** The first of Ukrainian and English in the header's order of preference (weights honoured); Ukrainian otherwise. */
        static Locale fromAcceptLanguage(@Nullable String header) {
            if (header == null || header.isBlank()) {
                return UKRAINIAN;
            }
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    String language = range.getRange().split("-", 2)[0];
                    if (range.getWeight() > 0 && (language.equals("uk") || language.equals("en"))) {
                        return supported(language);
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header chooses nothing
            }
            return UKRAINIAN;
        }

        @Override
        public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
            // the language is chosen by ?lang= and kept by the interceptor above
        }
    }
}
