package ua.viche.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;

/**
 * Community code runs only in its community. A handler mapped under a {@code {community}} path
 * variable is refused with a 404 before it runs unless the tenant filter resolved a community and
 * the variable is that community's slug. Without this, a path whose segment is not a community
 * ({@code /css/petitions/1}, {@code /api/v1/admin/petitions}) would still match such a handler and
 * run it with no community, under the root tenant that sees every community's rows.
 */
@Component
class CommunityPathGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String VARIABLE = "community";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.containsKey(VARIABLE)) {
            Community current = CurrentCommunity.find().orElse(null);
            if (current == null || !current.slug().equals(variables.get(VARIABLE))) {
                throw new NotFoundException("error.community.notFound");
            }
        }
        return true;
    }
}
