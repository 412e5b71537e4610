package ua.viche.certificates.domain;

import java.util.List;

/**
 * A certificate rule refused an action. {@link #problems()} names the fields at fault and the
 * messages to show (a field may be empty when the refusal is about the whole order).
 */
public class CertificateException extends RuntimeException {

    /** One thing wrong: the form field (or empty) and the message key. */
    public record Problem(String field, String key) {}

    private final List<Problem> problems;

    public CertificateException(String key) {
        this(List.of(new Problem("", key)));
    }

    public CertificateException(List<Problem> problems) {
        super(problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public String messageKey() {
        return problems.get(0).key();
    }

    public List<Problem> problems() {
        return problems;
    }
}
