package ua.viche.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriTemplate;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * The one place a {@link Refusal} becomes an answer (decision 0033). A request that wants a document
 * ({@code /api/…}, or JSON only) gets an RFC 9457 problem document with the refusal's {@code code},
 * its message in the request's language as {@code detail}, the fields at fault as {@code errors} and
 * the refusal's own members. A page goes back (a redirect, so a reload repeats nothing) to where the
 * handler declares ({@link Refusal.Back}), else the page the person came from when it is of this site
 * and community, else the community's home; the message key is flashed as {@code error} (its
 * arguments as {@code errorArgs}, its field as {@code errorField}, several reasons as {@code errors}) and
 * what the person typed as {@code refusedInput} with the path it was posted to as {@code refusedAt}, so
 * nothing typed is lost: pages put it back into their forms through {@link TypedInput}.
 */
@ControllerAdvice
@Order(0) // before ErrorPages, which answers every other exception; after a module's own format (Open311)
class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);
    private static final Pattern PLAIN_PATH = Pattern.compile("/(?!/)[^\\s\\\\]*");
    private static final int MAX_INPUT = 20_000;
    /** Fields never kept for a refused form: what is typed there is a secret, not to sit in a session or a page. */
    private static final Pattern SECRET = Pattern.compile("(?i)password|secret|token");

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(Refusal.class)
    Object refused(Refusal refusal, HttpServletRequest request, @Nullable HandlerMethod handler, RedirectAttributes redirect) {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.code());
        if (ErrorPages.wantsDocument(request, request.getRequestURI())) {
            return document(refusal, request);
        }
        redirect.addFlashAttribute("error", refusal.messageKey());
        if (refusal.arguments().length > 0) {
            redirect.addFlashAttribute("errorArgs", refusal.arguments());
        }
        if (!refusal.field().isEmpty()) {
            redirect.addFlashAttribute("errorField", refusal.field());
        }
        if (refusal.faults().size() > 1) {
            redirect.addFlashAttribute("errors", refusal.faults());
        }
        if ("POST".equals(request.getMethod())) {
            redirect.addFlashAttribute(Refusal.TYPED, input(request));
            redirect.addFlashAttribute(Refusal.TYPED_AT, request.getRequestURI());
        }
        return "redirect:" + back(request, handler);
    }

    private ResponseEntity<ProblemDetail> document(Refusal refusal, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(refusal.httpStatus());
        if (status == null || !status.isError()) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale);
        ResponseEntity<ProblemDetail> answer = ErrorPages.problem(status, title, text(refusal.messageKey(), refusal.arguments(), locale),
                request.getRequestURI());
        ProblemDetail problem = answer.getBody();
        if (problem != null) {
            problem.setProperty("code", refusal.code());
            if (refusal.faults().size() > 1 || !refusal.field().isEmpty()) {
                problem.setProperty("errors", refusal.faults().stream().map(f -> Map.of("field", f.field(), "code", f.key(),
                        "detail", text(f.key(), f.argumentArray(), locale))).toList());
            }
            refusal.properties().forEach(problem::setProperty);
        }
        return answer;
    }

    private String text(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, messages.getMessage("error.generic", null, locale), locale);
    }

    /**
     * The form's values as sent, a cleared field too: a text, or a list of texts for a field sent more
     * than once. No CSRF token or marker ({@code _…}), no password or other secret, no file (files are not
     * parameters), nothing overlong.
     */
    static Map<String, Object> input(HttpServletRequest request) {
        Map<String, Object> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("_") || SECRET.matcher(name).find() || values.length == 0
                    || Arrays.stream(values).mapToInt(String::length).sum() > MAX_INPUT) {
                return;
            }
            input.put(name, values.length == 1 ? values[0] : new ArrayList<>(Arrays.asList(values)));
        });
        return input;
    }

    /** Where the page goes back to (see the class comment). */
    static String back(HttpServletRequest request, @Nullable HandlerMethod handler) {
        String declared = declared(request, handler);
        if (declared != null) {
            return declared;
        }
        String slug = CurrentCommunity.find().map(c -> c.slug()).orElse(null);
        String referer = referer(request, slug);
        if (referer != null) {
            return referer;
        }
        return slug == null ? "/" : "/" + slug;
    }

    private static @Nullable String declared(HttpServletRequest request, @Nullable HandlerMethod handler) {
        if (handler == null) {
            return null;
        }
        Refusal.Back back = handler.getMethodAnnotation(Refusal.Back.class);
        if (back == null) {
            back = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Refusal.Back.class);
        }
        if (back == null) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length == 1 && !values[0].isBlank()) {
                variables.put(name, values[0]);
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
            path.forEach((name, value) -> variables.put(String.valueOf(name), String.valueOf(value)));
        }
        for (String template : back.value()) {
            UriTemplate uri = new UriTemplate(template);
            List<String> names = uri.getVariableNames();
            if (variables.keySet().containsAll(names)) {
                String path = uri.expand(variables).toString();
                boolean itself = "GET".equals(request.getMethod()) && path.split("[?#]", 2)[0].equals(request.getRequestURI());
                if (PLAIN_PATH.matcher(path).matches() && !itself) { // a refused page never sends the person back to itself
                    return path;
                }
            }
        }
        return null;
    }

    /** The page the request came from, when it is of this site and (with a community) of the same community. */
    private static @Nullable String referer(HttpServletRequest request, @Nullable String slug) {
        String header = request.getHeader("Referer");
        if (header == null || header.length() > 2_000) {
            return null;
        }
        URI from;
        try {
            from = URI.create(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int port = from.getPort() >= 0 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
        String path = from.getRawPath();
        if (!request.getScheme().equalsIgnoreCase(from.getScheme()) || !request.getServerName().equalsIgnoreCase(from.getHost())
                || request.getServerPort() != port || path == null || !PLAIN_PATH.matcher(path).matches()) {
            return null;
        }
        if (slug != null && !path.equals("/" + slug) && !path.startsWith("/" + slug + "/")) {
            return null;
        }
        return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
    }
}
