package ua.viche.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import ua.viche.platform.DatabaseUnavailable;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.TooManyRequestsException;

/**
 * Every error, whether raised in a controller or by the container, becomes a page in the user's
 * language (HTML), an RFC 9457 problem document (for {@code /api/}) or an Open311 error list (for
 * {@code /open311/}). No stack trace or internal message ever reaches the user.
 */
@Controller
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE) // modules' own handlers come first
class ErrorPages implements ErrorController {

    /** A request attribute naming the message of an error sent by a filter (else the status's own). */
    static final String MESSAGE_KEY = "viche.errorMessage";

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final MessageSource messages;
    private final LayoutAdvice layout;
    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final ApplicationContext context;
    private final ServletContext servletContext;
    private final JakartaServletWebApplication application;

    ErrorPages(MessageSource messages, LayoutAdvice layout, ITemplateEngine templates, LocaleResolver locales,
               ApplicationContext context, ServletContext servletContext) {
        this.messages = messages;
        this.layout = layout;
        this.templates = templates;
        this.locales = locales;
        this.context = context;
        this.servletContext = servletContext;
        this.application = JakartaServletWebApplication.buildApplication(servletContext);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.NOT_FOUND, e.messageKey());
    }

    @ExceptionHandler({NoResourceFoundException.class})
    Object noResource(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.NOT_FOUND, "error.404.text");
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            HttpMessageNotReadableException.class, IllegalArgumentException.class})
    Object badRequest(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.debug("Bad request {}: {}", request.getRequestURI(), e.toString());
        return render(request, response, HttpStatus.BAD_REQUEST, "error.400.text");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedType(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.415.text");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.NOT_ACCEPTABLE, "error.406.text");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.METHOD_NOT_ALLOWED, "error.405.text");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
        return render(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.413.text");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    Object tooMany(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", "60");
        return render(request, response, HttpStatus.TOO_MANY_REQUESTS, "error.429.text");
    }

    @ExceptionHandler(AccessDeniedException.class)
    void accessDenied(AccessDeniedException e) {
        throw e; // Spring Security decides: sign-in page for visitors, 403 for the signed-in
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DatabaseUnavailable.causedBy(e)) {
            return unavailable(e, request, response, request.getRequestURI());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.500.text");
    }

    /**
     * Errors raised outside controllers (filters, the container, Spring Security). Opened directly,
     * with no error behind it, {@code /error} is a page like any address that does not exist.
     */
    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null || !httpStatus.isError()) {
            httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e && DatabaseUnavailable.causedBy(e)) {
            return unavailable(e, request, response, original == null ? request.getRequestURI() : original);
        }
        String key = request.getAttribute("viche.unknownCommunity") != null ? "error.community.notFound"
                : request.getAttribute(MESSAGE_KEY) instanceof String k ? k : "error." + httpStatus.value() + ".text";
        return render(request, response, httpStatus, key, original == null ? request.getRequestURI() : original);
    }

    /**
     * The database cannot be reached (or did not answer in time): 503 with Retry-After, said in the
     * user's language, built without touching the database (not even the signed-in person's roles).
     */
    private Object unavailable(Throwable e, HttpServletRequest request, HttpServletResponse response, String path) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), path, rootCause(e));
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return render(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.database.unavailable", path, false);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    private Object render(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key) {
        return render(request, response, status, key, request.getRequestURI());
    }

    private Object render(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                          String path) {
        return render(request, response, status, key, path, true);
    }

    private Object render(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                          String path, boolean databaseAvailable) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("error." + status.value() + ".title", null, status.getReasonPhrase(), locale);
        String detail = messages.getMessage(key, null, messages.getMessage("error.generic", null, locale), locale);
        if (path.startsWith("/open311/")) { // the GeoReport v2 error document, in the format the path asks for
            List<Map<String, Object>> errors = List.of(Map.of("code", status.value(), "description", detail));
            return path.endsWith(".xml")
                    ? ResponseEntity.status(status).contentType(new MediaType("text", "xml", StandardCharsets.UTF_8))
                        .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors><error><code>" + status.value()
                            + "</code><description>" + HtmlUtils.htmlEscape(detail, "UTF-8")
                            + "</description></error></errors>")
                    : ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errors);
        }
        if (wantsDocument(request, path)) {
            return problem(status, title, detail, path);
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error/page",
                databaseAvailable ? layout.attributes(request) : layout.withoutDatabase(request));
        page.addObject("status", status.value()).addObject("errorTitle", title).addObject("detail", detail);
        page.setStatus(status);
        return page;
    }

    /** Whether the request at {@code path} is answered with a problem document rather than a page. */
    static boolean wantsDocument(HttpServletRequest request, String path) {
        return path.startsWith("/api/") || acceptsJsonOnly(request);
    }

    /** The RFC 9457 problem document: status, title and detail in the request's language, the path as instance. */
    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** An error page rendered outside Spring MVC: its content type and text. */
    record Rendered(String contentType, String body) {}

    /**
     * The page (or problem document) for an error the servlet container answers itself, before the
     * request reaches the application: the same template, layout and messages, rendered directly.
     */
    Rendered standalone(HttpServletRequest malformed, HttpServletResponse response, int code) {
        HttpServletRequest request = new Malformed(malformed, servletContext);
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null || !status.isError()) {
            status = HttpStatus.BAD_REQUEST;
        }
        Locale locale = locales.resolveLocale(request);
        // a status the platform has no words for (505…) is told as a bad request or an error on our side
        int known = messages.getMessage("error." + status.value() + ".title", null, null, locale) != null ? status.value()
                : status.is4xxClientError() ? 400 : 500;
        String title = messages.getMessage("error." + known + ".title", null, locale);
        String detail = messages.getMessage("error." + known + ".text", null, locale);
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        if (path.startsWith("/open311/")) {
            return new Rendered("application/json", "[{\"code\":" + status.value() + ",\"description\":" + json(detail) + "}]");
        }
        if (path.startsWith("/api/") || acceptsJsonOnly(request)) {
            return new Rendered("application/problem+json", "{\"type\":\"about:blank\",\"title\":" + json(title)
                    + ",\"status\":" + status.value() + ",\"detail\":" + json(detail) + "}");
        }
        HttpServletResponse plain = new HttpServletResponseWrapper(response) {
            @Override public String encodeURL(String url) { return url; } // no session, no rewriting
            @Override public String encodeRedirectURL(String url) { return url; }
        };
        WebContext page = new WebContext(application.buildExchange(request, plain), locale);
        page.setVariables(layout.attributes(request));
        page.setVariable("status", status.value());
        page.setVariable("errorTitle", title);
        page.setVariable("detail", detail);
        page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        return new Rendered("text/html", templates.process("error/page", page));
    }

    /**
     * A request the container could not parse, seen only as far as it is safe: its path (or
     * {@code /}), no query but the language, and the language cookie read from the raw header.
     */
    private static final class Malformed extends HttpServletRequestWrapper {
        private static final Pattern LANG = Pattern.compile("(?:^|[&;])lang=(uk|en)(?:[&;]|$)");
        private final String path;
        private final @Nullable String lang;
        private final Cookie[] cookies;
        private final ServletContext servletContext;
        private final Map<String, Object> attributes = new HashMap<>();

        Malformed(HttpServletRequest request, ServletContext servletContext) {
            super(request);
            this.servletContext = servletContext;
            String uri = request.getRequestURI();
            this.path = uri == null || !uri.startsWith("/") ? "/" : uri;
            Matcher m = LANG.matcher(String.valueOf(request.getQueryString()));
            this.lang = m.find() ? m.group(1) : null;
            String header = request.getHeader("Cookie");
            Matcher c = LANG.matcher(header == null ? "" : header.replace(" ", ""));
            this.cookies = c.find() ? new Cookie[] {new Cookie(LocaleConfiguration.COOKIE, c.group(1))}
                    : new Cookie[0];
        }

        @Override public String getRequestURI() { return path; }
        @Override public String getServletPath() { return path; }
        @Override public @Nullable String getPathInfo() { return null; }
        @Override public @Nullable String getQueryString() { return null; }
        @Override public Cookie[] getCookies() { return cookies.clone(); }
        @Override public ServletContext getServletContext() { return servletContext; }
        // attributes of its own: the container's would notify the listeners of a context it has not found
        @Override public @Nullable Object getAttribute(String name) { return attributes.get(name); }
        @Override public Enumeration<String> getAttributeNames() { return Collections.enumeration(attributes.keySet()); }
        @Override public void setAttribute(String name, @Nullable Object value) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }
        @Override public void removeAttribute(String name) { attributes.remove(name); }
        @Override public @Nullable HttpSession getSession(boolean create) { return null; }
        @Override public @Nullable HttpSession getSession() { return null; }

        @Override
        public @Nullable String getParameter(String name) {
            return LocaleConfiguration.COOKIE.equals(name) ? lang : null;
        }

        @Override public Map<String, String[]> getParameterMap() { return lang == null ? Map.of() : Map.of("lang", new String[] {lang}); }
        @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(getParameterMap().keySet()); }
        @Override public String @Nullable [] getParameterValues(String name) { return getParameterMap().get(name); }
    }

    /** A JSON string of our own messages. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean acceptsJsonOnly(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }
}
