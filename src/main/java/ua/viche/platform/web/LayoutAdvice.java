package ua.viche.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;

/**
 * Puts what every page's layout needs into the model, once the handler has chosen a page to render:
 * a redirect (after every form that succeeds) and a JSON answer skip the work, which includes a
 * role lookup in the database.
 */
@Component
class LayoutAdvice implements HandlerInterceptor, WebMvcConfigurer {

    private final List<ModuleDescriptor> modules;
    private final AccessControl access;
    private final VicheSettings settings;

    LayoutAdvice(List<ModuleDescriptor> modules, AccessControl access, VicheSettings settings) {
        this.modules = modules.stream().sorted(Comparator.comparingInt(ModuleDescriptor::order)).toList();
        this.access = access;
        this.settings = settings;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView page) {
        if (page == null || page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))
                || page.getModel().containsKey("nav")) { // an error page brings its own
            return;
        }
        attributes(request).forEach(page.getModel()::putIfAbsent);
        page.getModel().putIfAbsent(TypedInput.ATTRIBUTE, TypedInput.of(request)); // what a refused form sent, for its fields
    }

    /** The layout's attributes; also used for error pages, which bypass model attributes. */
    Map<String, @Nullable Object> attributes(HttpServletRequest request) {
        Map<String, @Nullable Object> m = withoutDatabase(request);
        m.put("currentUser", AccessControl.currentUser().orElse(null));
        Community community = (Community) m.get("community");
        m.put("isCommunityAdmin", community != null && access.currentUserHas(Role.COMMUNITY_ADMIN));
        return m;
    }

    /**
     * The layout's attributes read from memory only, as for a visitor who is not signed in: for the
     * page that says the database is unavailable (the signed-in person and their roles are in it).
     */
    Map<String, @Nullable Object> withoutDatabase(HttpServletRequest request) {
        Map<String, @Nullable Object> m = new HashMap<>();
        Community community = CurrentCommunity.find().orElse(null);
        m.put("community", community);
        m.put("nav", community == null ? List.of() : modules.stream()
                .filter(d -> !d.path().isEmpty() && d.enabledIn(community))
                .map(d -> new NavItem(d.titleKey(), "/" + community.slug() + "/" + d.path(),
                        request.getRequestURI().startsWith("/" + community.slug() + "/" + d.path())))
                .toList());
        m.put("currentUser", null);
        m.put("isCommunityAdmin", false);
        m.put("demo", settings.demoEnabled());
        m.put("canonical", settings.absolute(request.getRequestURI()));
        m.put("langUk", switchLanguage(request, "uk"));
        m.put("langEn", switchLanguage(request, "en"));
        // what people wrote (titles, texts, names) is Ukrainian: on a page in another language it is marked so,
        // for screen readers to switch voice (WCAG 3.1.2); null leaves the attribute out
        m.put("userLang", "uk".equals(LocaleConfiguration.resolve(request).getLanguage()) ? null : "uk");
        m.put("cspNonce", request.getAttribute(SecurityHeadersFilter.NONCE));
        return m;
    }

    private static String switchLanguage(HttpServletRequest request, String lang) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI());
        if (request.getQueryString() != null) {
            b.query(request.getQueryString());
        }
        return b.replaceQueryParam("lang", lang).build().toUriString();
    }

    /** A navigation link; {@code current} marks the section the page belongs to. */
    record NavItem(String titleKey, String href, boolean current) {}
}
