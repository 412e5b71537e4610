package ua.viche.appeals.domain;

/** An appeal rule refused an action; the key names the message shown to the user. */
public class AppealException extends RuntimeException {

    private final String messageKey;

    public AppealException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
