package ua.viche.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE) // modules' own handlers come first
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final MessageSource messages;
    private final LayoutAdvice layout;

    ErrorPages(MessageSource messages, LayoutAdvice layout) {
        this.messages = messages;
        this.layout = layout;
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

    /** Errors raised outside controllers (filters, the container, Spring Security). */
    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus httpStatus = HttpStatus.resolve(status);
        if (httpStatus == null || !httpStatus.isError()) {
            httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e && DatabaseUnavailable.causedBy(e)) {
            return unavailable(e, request, response, original == null ? request.getRequestURI() : original);
        }
        String key = request.getAttribute("viche.unknownCommunity") != null ? "error.community.notFound"
                : "error." + httpStatus.value() + ".text";
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
                    ? ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                        .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<errors><error><code>" + status.value()
                            + "</code><description>" + org.springframework.web.util.HtmlUtils.htmlEscape(detail, "UTF-8")
                            + "</description></error></errors>")
                    : ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errors);
        }
        if (path.startsWith("/api/") || acceptsJsonOnly(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "")));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error/page",
                databaseAvailable ? layout.attributes(request) : layout.withoutDatabase(request));
        page.addObject("status", status.value()).addObject("errorTitle", title).addObject("detail", detail);
        page.setStatus(status);
        return page;
    }

    private static boolean acceptsJsonOnly(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }
}
