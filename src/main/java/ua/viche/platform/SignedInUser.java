package ua.viche.platform;

/** What the web shell needs to know about the signed-in user; implemented by the identity module. */
public interface SignedInUser {

    long accountId();

    String displayName();

    boolean platformAdmin();
}
