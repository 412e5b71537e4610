package ua.viche.search;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What an entity shows in the community's search. An entity that implements it and carries
 * {@code @TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, params = …))} is
 * indexed for the site search; its module lists the kind in its {@link SearchProvider}. The index
 * holds everything the results page shows (decision 0041), so a search never reads the database.
 */
public interface SearchDocument {

    /**
     * The community the item belongs to: every community's documents share one index, and each search
     * filters on it (decision 0061).
     */
    Long getCommunityId();

    /** The kind of item, one of its module's {@link SearchProvider#kinds()}. */
    String searchKind();

    /** The heading shown for the hit; weighs most in ranking. */
    String searchTitle();

    /** The heading in English where the item has one (a CNAP service), shown to English readers; null when not. */
    default @Nullable String searchTitleEn() {
        return null;
    }

    /** The text searched besides the title (description, answer, page text); never personal data. */
    String searchText();

    SearchStatus searchStatus();

    /**
     * The moment the item's status changes by time alone, with nothing written (a consultation's
     * period ending, an event starting), or null when it does not: the item is indexed again soon
     * after that moment ({@code SearchStatusRefresh}), so that its status in the results follows.
     */
    default @Nullable Instant searchStatusChanges() {
        return null;
    }

    /** The day the item belongs to (published, registered, dated), for the year facet and recency. */
    @Nullable LocalDate searchDate();

    /**
     * The first day the public may find it: null while it is not public at all (a draft, a hidden
     * petition); a day in the future for an archive file closed until then.
     */
    @Nullable LocalDate searchPublicFrom();

    /** The item's page below the community's address, e.g. {@code petitions/12}. */
    String searchPath();
}
