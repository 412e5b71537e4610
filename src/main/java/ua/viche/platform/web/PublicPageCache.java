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
 * within {@code viche.page-cache.ttl} (default one second) is answered from memory, and when that
 * time is up one request renders it again while the others get the page as it was (at most five
 * seconds longer; the first render of a page is awaited the same way). When a petition
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

    /** How long past its time a page may still be answered while one request renders it anew. */
    private static final long STALE_NANOS = Duration.ofSeconds(5).toNanos();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Long> rendering = new ConcurrentHashMap<>();
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
        long now = System.nanoTime();
        Entry cached = entries.get(key);
        if (cached != null && now - cached.storedAt < ttlNanos) {
            cached.replay(response, nonce, "hit");
            return;
        }
        boolean mine = claim(key, now);
        if (!mine) {
            // another request renders this page now: its last version meanwhile, or the new one when it is done
            if (cached == null) {
                cached = awaitRender(key);
            }
            if (cached != null && System.nanoTime() - cached.storedAt < ttlNanos + STALE_NANOS) {
                cached.replay(response, nonce, System.nanoTime() - cached.storedAt < ttlNanos ? "hit" : "stale");
                return;
            }
        }
        try {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            Entry fresh = Entry.of(wrapper, nonce, System.nanoTime());
            wrapper.setHeader(HEADER, "miss");
            wrapper.copyBodyToResponse();
            if (fresh != null) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
                entries.put(key, fresh);
            }
        } finally {
            if (mine) {
                rendering.remove(key);
            }
        }
    }

    /**
     * Whether this request renders the page: one request a key at a time, so that when a page's time
     * is up, the many visitors asking for it at that moment do not all render it (on a community's home
     * page, with every module's section, 64 at once took seconds and the pool's connections). A claim
     * older than {@link #STALE_NANOS} is taken over.
     */
    private boolean claim(String key, long now) {
        Long since = rendering.putIfAbsent(key, now);
        if (since == null) {
            return true;
        }
        return now - since > STALE_NANOS && rendering.replace(key, since, now);
    }

    /** Waits while another request renders the page the first time; its answer, if it could be kept. */
    private @Nullable Entry awaitRender(String key) {
        long deadline = System.nanoTime() + STALE_NANOS;
        try {
            while (rendering.containsKey(key) && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return entries.get(key);
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
