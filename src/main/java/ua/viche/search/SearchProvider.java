package ua.viche.search;

import java.util.List;
import java.util.Locale;
import ua.viche.platform.Community;

/**
 * A module's contribution to site-wide search: hits for a query within a community, best first.
 * Providers see only what the current user may see.
 */
public interface SearchProvider {

    /** Message key naming the module in the results (e.g. {@code module.petitions.title}). */
    String titleKey();

    List<SearchHit> search(Community community, String query, Locale locale, int limit);
}
