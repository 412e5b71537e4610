package ua.viche.identity.domain;

/** The external identity already belongs to another account. */
public class IdentityConflictException extends RuntimeException {

    public IdentityConflictException() {
        super("identity belongs to another account");
    }
}
