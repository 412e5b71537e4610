package ua.viche.problems.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.DatabaseUnavailable;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.TooManyRequestsException;

/**
 * Errors of the Open311 API in the standard's format ({@code [{"code":400,"description":"…"}]} or
 * {@code <errors><error>…}), not the platform's RFC 9457 documents, as the GeoReport v2 standard
 * requires; the format follows the extension. A {@link Refusal} is written here with its status.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final JsonMapper json;
    private final MessageSource messages;

    Open311Errors(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    /** A refusal in the standard's words: English, as Open311 clients are machines; a field at fault named first. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<String> refused(Refusal e, HttpServletRequest request) {
        String text = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), Locale.ENGLISH);
        return Open311Format.error(json, format(request), e.httpStatus(), e.field().isEmpty() ? text : e.field() + ": " + text);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(HttpServletRequest request) {
        return Open311Format.error(json, format(request), 404, "not found");
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<String> tooMany(HttpServletRequest request) {
        return Open311Format.error(json, format(request), 429, "too many requests; try again in a minute");
    }

    @ExceptionHandler({IllegalArgumentException.class, ServletRequestBindingException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<String> badRequest(HttpServletRequest request) {
        return Open311Format.error(json, format(request), 400, "bad request");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Open311 request {} while the database is unavailable: {}", request.getRequestURI(), e.toString());
            ResponseEntity<String> refused = Open311Format.error(json, format(request), 503, "service temporarily unavailable; try again later");
            return ResponseEntity.status(503).headers(refused.getHeaders())
                    .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(refused.getBody());
        }
        log.error("Open311 error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Open311Format.error(json, format(request), 500, "internal error");
    }

    static String format(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xml") ? "xml" : "json";
    }
}
