package ua.viche.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400, before anything else reads them, a request whose parameters cannot be read
 * (a broken {@code %} escape in the query or the form; Tomcat then throws on every read) or whose
 * path or parameters carry control characters (NUL, escape and the like; tab and line breaks are
 * text). No page asks for them, PostgreSQL refuses NUL in text, and they have no business in logs,
 * mail or exports.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ParameterFilter extends OncePerRequestFilter {

    static final String CONTROL = "error.400.control";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (hasControl(request.getRequestURI()) || hasControl(parameters)) {
            request.setAttribute(ErrorPages.MESSAGE_KEY, CONTROL);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasControl(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> e : parameters.entrySet()) {
            if (hasControl(e.getKey())) {
                return true;
            }
            for (String value : e.getValue()) {
                if (hasControl(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
