package ua.viche.platform;

/** Roles granted per community (and optionally per department). */
public enum Role {
    MODERATOR, OFFICIAL, HOTLINE_OPERATOR, CNAP_ADMINISTRATOR, ARCHIVIST, COMMUNITY_ADMIN
}
