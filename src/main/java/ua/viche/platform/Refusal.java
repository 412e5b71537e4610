package ua.viche.platform;

import java.io.Serializable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;

/**
 * A rule refused what someone asked: nothing was changed, and the person is told why in their
 * language. Every module refuses with this one type; one advice in the platform renders it (a page
 * goes back where the handler says, or where the person came from, with the message flashed; a JSON
 * request gets an RFC 9457 problem document with {@link #code()}). Decision 0033.
 *
 * <p>The {@linkplain #messageKey() message key} names the text in the i18n bundles, with
 * {@linkplain #arguments() arguments} for MessageFormat; the {@linkplain #code() code} is the stable
 * name clients may rely on (the key unless given). {@link #getMessage()} is the key, so logs and
 * tests name the rule.
 */
public class Refusal extends RuntimeException {

    /** 422: the request was understood, but a rule does not allow it (the default). */
    public static final int REFUSED = 422;
    /** 409: the thing changed under the person (a slot just taken, a petition just closed). */
    public static final int CONFLICT = 409;
    /** 400: the input itself is malformed (an unreadable date, an unknown filter). */
    public static final int BAD_INPUT = 400;

    /** One thing wrong: the form field it concerns (empty for the whole request), the key and its arguments. */
    public record Fault(String field, String key, List<Object> arguments) implements Serializable {
        public Fault {
            arguments = List.copyOf(arguments);
        }

        public static Fault of(String field, String key, Object... arguments) {
            return new Fault(field, key, Arrays.asList(arguments));
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /**
     * The flash attribute holding what a refused form sent, by name: a text, or a list of texts for a
     * field sent more than once (a group of checkboxes). Never a password, a file or the CSRF token.
     */
    public static final String TYPED = "refusedInput";
    /** The flash attribute holding the path the refused form was posted to, which tells a page's forms apart. */
    public static final String TYPED_AT = "refusedAt";

    private final String code;
    private final int status;
    private final List<Fault> faults;
    private final Map<String, Object> properties;

    private Refusal(String code, int status, List<Fault> faults, Map<String, Object> properties) {
        super(faults.get(0).key(), null, false, false); // a refusal is expected: no stack trace to fill
        this.code = code;
        this.status = status;
        this.faults = List.copyOf(faults);
        this.properties = Map.copyOf(properties);
    }

    /** Refused by a rule (422), the message {@code key} formatted with {@code arguments}. */
    public static Refusal of(String key, Object... arguments) {
        return new Refusal(key, REFUSED, List.of(Fault.of("", key, arguments)), Map.of());
    }

    /** Refused because of one form field's value (422; the page links the message to the field). */
    public static Refusal field(String field, String key, Object... arguments) {
        return new Refusal(key, REFUSED, List.of(Fault.of(field, key, arguments)), Map.of());
    }

    /** Several things wrong at once (422); the first one is the refusal's code and message. */
    public static Refusal all(List<Fault> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs a reason");
        }
        return new Refusal(faults.get(0).key(), REFUSED, faults, Map.of());
    }

    /** The state changed under the person (409). */
    public static Refusal conflict(String key, Object... arguments) {
        return of(key, arguments).status(CONFLICT);
    }

    /** The input cannot be read as meant (400). */
    public static Refusal badInput(String key, Object... arguments) {
        return of(key, arguments).status(BAD_INPUT);
    }

    /** The same refusal with another HTTP status. */
    public Refusal status(int status) {
        return new Refusal(code, status, faults, properties);
    }

    /** The same refusal under an explicit stable code. */
    public Refusal code(String code) {
        return new Refusal(code, status, faults, properties);
    }

    /** The same refusal with one more member of its problem document (e.g. the nearest free slots). */
    public Refusal with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new Refusal(code, status, faults, more);
    }

    /** The stable name of the refusal, given to API clients. */
    public String code() { return code; }

    /** The message key of the (first) reason. */
    public String messageKey() { return faults.get(0).key(); }

    /** The message arguments of the (first) reason. */
    public Object[] arguments() { return faults.get(0).argumentArray(); }

    /** The form field of the (first) reason, or empty. */
    public String field() { return faults.get(0).field(); }

    /** Every reason, the first one first. */
    public List<Fault> faults() { return faults; }

    /** The HTTP status a request gets for it. */
    public int httpStatus() { return status; }

    /** Further members of the problem document. */
    public Map<String, Object> properties() { return properties; }

    /** A property of the refusal, if it has it. */
    public @Nullable Object property(String name) { return properties.get(name); }

    /** What the person typed into {@code field} before their action was refused, when the page comes back to them. */
    public static @Nullable String typed(Model model, String field) {
        return model.getAttribute(TYPED) instanceof Map<?, ?> typed && typed.get(field) instanceof String text ? text : null;
    }

    /**
     * Puts the reasons on a form that is shown again with what the person typed: a reason about one
     * of the form's fields on that field, the others on the form as a whole.
     */
    public void rejectInto(Errors errors) {
        Object target = errors instanceof BindingResult b ? b.getTarget() : null;
        for (Fault f : faults) {
            if (target != null && !f.field().isEmpty()
                    && PropertyAccessorFactory.forBeanPropertyAccess(target).isReadableProperty(f.field())) {
                errors.rejectValue(f.field(), f.key(), f.argumentArray(), f.key());
            } else {
                errors.reject(f.key(), f.argumentArray(), f.key());
            }
        }
    }

    /**
     * Where a page goes back to when this handler's action is refused: path templates tried in order,
     * with the request's path variables and plain parameters; the first that can be filled in wins.
     * On a method it overrides the one on its class. Without it the person goes back to the page they
     * came from (the {@code Referer}, when it is of this site and community), else the community's home.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Back {
        String[] value();
    }
}
