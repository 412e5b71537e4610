package ua.viche.search;

import java.util.List;

/**
 * A module's part in the community's search: the kinds of item its entities index as
 * {@link SearchDocument}s. Each kind has a label under the message key {@code search.kind.<kind>}
 * and the plural {@code search.kinds.<kind>} for its facet.
 */
public interface SearchProvider {

    List<String> kinds();
}
