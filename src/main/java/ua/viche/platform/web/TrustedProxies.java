package ua.viche.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Forwarded headers ({@code Forwarded}, {@code X-Forwarded-For/Proto/Host/Port/Prefix}) are believed
 * only from the reverse proxies listed in {@code viche.trusted-proxies} (addresses or CIDR ranges;
 * none by default). From anyone else they are removed before anything reads them, so that a client
 * cannot choose the host, scheme or address the application sees.
 * <p>
 * From a trusted proxy the scheme, host and port are applied (Spring's {@link ForwardedHeaderFilter}):
 * behind a TLS-terminating proxy the request is then secure, so HSTS is sent and cookies are marked
 * {@code Secure}. The client's address is the right-most address of the forwarded chain that is not a
 * trusted proxy (the left-most entries are whatever the client sent); rate limits are keyed on it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrustedProxies extends OncePerRequestFilter {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PROXY = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    private final List<IpAddressMatcher> proxies;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    TrustedProxies(@Value("${viche.trusted-proxies:}") String trusted) {
        this.proxies = parse(trusted);
        remove.setRemoveOnly(true);
    }

    /** The configured list: comma- or space-separated IPv4/IPv6 addresses and CIDR ranges. */
    static List<IpAddressMatcher> parse(String trusted) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String entry : trusted.split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (!PROXY.matcher(entry).matches()) {
                throw new IllegalStateException("VICHE_TRUSTED_PROXIES (viche.trusted-proxies): '" + entry
                        + "' is not an IP address or a CIDR range such as 10.0.0.0/8");
            }
            matchers.add(new IpAddressMatcher(entry));
        }
        return List.copyOf(matchers);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!trusted(request.getRemoteAddr())) {
            remove.doFilter(request, response, chain);
            return;
        }
        String client = client(request);
        apply.doFilter(request, response, (r, s) -> chain.doFilter(
                client == null ? r : new ClientAddress((HttpServletRequest) r, client), s));
    }

    private boolean trusted(String address) {
        if (proxies.isEmpty() || address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            if (proxy.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address from the forwarded chain ({@code Forwarded: for=…}, else
     * {@code X-Forwarded-For}), read from the right: the first hop that is not a trusted proxy; null
     * when the request carries no chain.
     */
    String client(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        var forwarded = request.getHeaders("Forwarded");
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String element : forwarded.nextElement().split(",")) {
                for (String pair : element.split(";")) {
                    String p = pair.strip();
                    if (p.regionMatches(true, 0, "for=", 0, 4)) {
                        chain.add(host(p.substring(4)));
                    }
                }
            }
        }
        if (chain.isEmpty()) {
            var xff = request.getHeaders("X-Forwarded-For");
            while (xff != null && xff.hasMoreElements()) {
                Arrays.stream(xff.nextElement().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(TrustedProxies::host).forEach(chain::add);
            }
        }
        if (chain.isEmpty()) {
            return null;
        }
        for (int i = chain.size() - 1; i > 0; i--) {
            if (!trusted(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.get(0);
    }

    /** An address without quotes, brackets and port: {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}. */
    static String host(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int end = v.indexOf(']');
            return end < 0 ? v.substring(1) : v.substring(1, end);
        }
        int colon = v.indexOf(':');
        return colon >= 0 && colon == v.lastIndexOf(':') ? v.substring(0, colon) : v;
    }

    /** The request as the client's address shows it. */
    private static final class ClientAddress extends HttpServletRequestWrapper {
        private final String client;

        ClientAddress(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
