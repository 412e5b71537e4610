package ua.viche.identity;

/**
 * An account was deleted at its owner's request. Modules drop or anonymise what they hold for the
 * account; rows that count the person (signatures, votes) keep the anonymised person id.
 */
public record AccountDeleted(long accountId, long personId) {}
