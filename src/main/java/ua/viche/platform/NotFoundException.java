package ua.viche.platform;

/** The requested object does not exist (or is not visible here); rendered as 404. */
public class NotFoundException extends RuntimeException {

    private final String messageKey;

    public NotFoundException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() { return messageKey; }
}
