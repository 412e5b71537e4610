package ua.viche.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Resolves the community of a request: a host mapped to a community first (its paths are then
 * served as if prefixed by the community's slug, platform roots and {@code /api/v1/} excepted), else the first path segment
 * ({@code /kropyvnytskyi/...}), or the segment after {@code /api/v1/}, {@code /open311/v2/} and a
 * messenger's webhook {@code /hooks/<provider>/}.
 * An unknown community is a 404 before anything else runs. A handler mapped under a
 * {@code {community}} path variable runs only when that variable names the community resolved
 * here ({@link CommunityPathGuard}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantFilter extends OncePerRequestFilter {

    static final String UNKNOWN_COMMUNITY = "viche.unknownCommunity";

    private final Communities communities;

    TenantFilter(Communities communities) {
        this.communities = communities;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest effective = request;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Community> mapped = communities.byHost(request.getServerName());
        Community community = null;
        if (mapped.isPresent()) {
            community = mapped.get();
            String prefix = "/" + community.slug();
            if (!path.equals(prefix) && !path.startsWith(prefix + "/") && isCommunityPath(path)) {
                effective = new PrefixedRequest(request, prefix);
            }
        } else {
            String[] segments = path.split("/");
            String slug = slugSegment(segments);
            if (slug != null) {
                community = communities.bySlug(slug).orElse(null);
                if (community == null) {
                    request.setAttribute(UNKNOWN_COMMUNITY, slug);
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        }
        CurrentCommunity.set(community);
        try {
            chain.doFilter(effective, response);
        } finally {
            CurrentCommunity.set(null);
        }
    }

    /**
     * The segment naming the community, or null for platform paths. Resolution is exact: a segment
     * in that place that is not one of the platform's own roots ({@link Communities#RESERVED}) names a
     * community, and when no community has that slug the request is a 404.
     */
    static String slugSegment(String[] segments) {
        if (segments.length < 2 || segments[1].isEmpty()) {
            return null;
        }
        String first = segments[1];
        if (first.equals("api") || first.equals("open311") || first.equals("hooks")) {
            return segments.length > 3 && !segments[3].isEmpty() && !Communities.RESERVED.contains(segments[3])
                    ? segments[3] : null;
        }
        return Communities.RESERVED.contains(first) ? null : first;
    }

    /**
     * On a host mapped to a community, whether the path is the community's (not a platform root's).
     * Under {@code /api/} only {@code /api/v1/} is the platform's: any other API there is one the
     * community serves under its own base URL (CKAN's {@code /api/3/action/…} of the open-data
     * portal), so it is the community's as on {@code /{community}/api/…}.
     */
    static boolean isCommunityPath(String path) {
        String[] segments = path.split("/");
        if (segments.length > 2 && segments[1].equals("api")) {
            return !segments[2].equals("v1");
        }
        return segments.length < 2 || !Communities.PLATFORM_ROOTS.contains(segments[1]);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** A request whose path is seen as if the community's slug stood first. */
    private static final class PrefixedRequest extends HttpServletRequestWrapper {
        private final String prefix;

        PrefixedRequest(HttpServletRequest request, String prefix) {
            super(request);
            this.prefix = prefix;
        }

        @Override
        public String getRequestURI() {
            HttpServletRequest r = (HttpServletRequest) getRequest();
            String uri = r.getRequestURI().substring(r.getContextPath().length());
            return r.getContextPath() + prefix + (uri.equals("/") ? "" : uri);
        }

        @Override
        public StringBuffer getRequestURL() {
            HttpServletRequest r = (HttpServletRequest) getRequest();
            StringBuffer url = new StringBuffer();
            url.append(r.getScheme()).append("://").append(r.getServerName());
            int port = r.getServerPort();
            if (port > 0 && port != 80 && port != 443) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return getRequestURI().substring(((HttpServletRequest) getRequest()).getContextPath().length());
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
