package ua.viche.identity.web;

import ua.viche.platform.VicheSettings;

/** The public base URL for links in e-mails. */
final class Links {

    private Links() {}

    static String base(VicheSettings settings) {
        return settings.absolute("");
    }
}
