package ua.viche.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ua.viche.platform.SharedCaches;

/**
 * A micro-cache of public pages for visitors who are not signed in: the same page asked for again
 * within {@code viche.page-cache.ttl} (default one second) is answered from memory. When a petition
 * is shared widely, thousands of anonymous readers then cost a page render a second instead of one
 * each, while what they see is at most that old. Only a GET from a visitor without a session (no
 * cookie but the language one, no credentials) is cached, and only a 200 response of HTML, JSON or
 * CSV that sets no cookie; anyone signed in always gets a fresh page. Answers are kept per host,
 * address, {@code Accept} and the request's language (from the cookie or {@code Accept-Language}).
 * The page's CSP nonce is replaced by the current request's on every answer from the cache. When a
 * cache that pages are built from changes on any node (a community's settings, its departments, the
 * calendar: {@link SharedCaches}), every kept page is dropped at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PublicPageCache extends OncePerRequestFilter {

    static final String HEADER = "X-Page-Cache";
    private static final int MAX_ENTRIES = 2_000;
    private static final int MAX_BODY = 512 * 1024;
    private static final Set<String> TYPES = Set.of("text/html", "application/json", "text/csv");
    private static final Set<String> NOT_REPLAYED = Set.of("content-security-policy", "permissions-policy", "date",
            "set-cookie", "transfer-encoding", "content-length", HEADER.toLowerCase());

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long ttlNanos;

    PublicPageCache(@Value("${viche.page-cache.ttl:1s}") Duration ttl, SharedCaches caches) {
        this.ttlNanos = ttl.toNanos();
        caches.onAnyChange(entries::clear);
    }

    /** Changes how long a page is kept (zero turns the cache off); for tests. */
    void ttl(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        entries.clear();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        String nonce = String.valueOf(request.getAttribute(SecurityHeadersFilter.NONCE));
        Entry cached = entries.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.storedAt < ttlNanos) {
            cached.replay(response, nonce, "hit");
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        Entry fresh = Entry.of(wrapper, nonce, now);
        wrapper.setHeader(HEADER, "miss");
        wrapper.copyBodyToResponse();
        if (fresh != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, fresh);
        }
    }

    /** The cache key of a request the cache may answer, or null. */
    private @Nullable String key(HttpServletRequest request) {
        if (ttlNanos <= 0 || !"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null
                || request.getHeader("HX-Request") != null) {
            return null;
        }
        String uri = request.getRequestURI();
        if (uri.startsWith("/actuator") || uri.startsWith("/demo/") || uri.contains("/signin") || request.getParameter("lang") != null) {
            return null;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (!LocaleConfiguration.COOKIE.equals(c.getName())) {
                    return null;
                }
            }
        }
        String lang = LocaleConfiguration.resolve(request).getLanguage();
        String query = request.getQueryString();
        return request.getServerName() + uri + (query == null ? "" : "?" + query) + "|" + lang + "|" + request.getHeader("Accept");
    }

    /** A cached answer: its headers and body, and the nonce the body was rendered with. */
    private record Entry(long storedAt, String contentType, List<String[]> headers, byte[] body, @Nullable String nonce) {

        static @Nullable Entry of(ContentCachingResponseWrapper response, String nonce, long now) {
            String type = response.getContentType();
            if (response.getStatus() != 200 || type == null || response.getHeader("Set-Cookie") != null
                    || response.getContentSize() > MAX_BODY
                    || TYPES.stream().noneMatch(t -> type.toLowerCase().startsWith(t))) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            for (String name : response.getHeaderNames()) {
                if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                    for (String value : response.getHeaders(name)) {
                        headers.add(new String[] {name, value});
                    }
                }
            }
            byte[] body = response.getContentAsByteArray();
            // only a page that carries the nonce (an inline script) needs it replaced on each answer
            boolean withNonce = type.startsWith("text/html") && new String(body, StandardCharsets.UTF_8).contains(nonce);
            return new Entry(now, type, headers, body, withNonce ? nonce : null);
        }

        void replay(HttpServletResponse response, String currentNonce, String how) throws IOException {
            for (String[] h : headers) {
                response.addHeader(h[0], h[1]);
            }
            response.setContentType(contentType);
            response.setHeader(HEADER, how);
            byte[] out = body;
            if (nonce != null) {
                out = new String(body, StandardCharsets.UTF_8).replace(nonce, currentNonce).getBytes(StandardCharsets.UTF_8);
            }
            response.setContentLength(out.length);
            response.getOutputStream().write(out);
        }
    }
}
