package ua.viche.archive.domain;

/** An archive rule refused an action; the key names the message shown to the user. */
public class ArchiveException extends RuntimeException {

    private final String messageKey;

    public ArchiveException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
