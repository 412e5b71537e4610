package ua.viche.petitions.domain;

/** A petition rule refused an action; the key names the message shown to the user. */
public class PetitionException extends RuntimeException {

    private final String messageKey;

    public PetitionException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
