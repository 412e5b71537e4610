package ua.viche.budget.domain;

/** A budget rule refused an action; the key names the message shown to the user. */
public class BudgetException extends RuntimeException {

    private final String messageKey;

    public BudgetException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
