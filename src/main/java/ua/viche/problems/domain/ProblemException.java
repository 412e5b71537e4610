package ua.viche.problems.domain;

/** A problem-report rule refused the input or the action; the message key says why (in the user's language). */
public class ProblemException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public ProblemException(String messageKey) {
        this(messageKey, "");
    }

    /** A refusal caused by one input field (for the form's error summary). */
    public ProblemException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public String messageKey() { return messageKey; }

    /** The form field at fault, or empty. */
    public String field() { return field; }
}
