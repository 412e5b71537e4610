package ua.viche.identity;

import org.jspecify.annotations.Nullable;

/**
 * An account being deleted at its owner's request, as each module's {@link PersonalData#erase} is
 * given it in the deletion's transaction. Modules drop or anonymise what they hold for the account; rows that count the person (signatures, votes) keep the anonymised person id. The
 * account's e-mail is given for what a module keeps by address alone (e-mail subscriptions).
 */
public record AccountDeleted(long accountId, long personId, @Nullable String email) {}
