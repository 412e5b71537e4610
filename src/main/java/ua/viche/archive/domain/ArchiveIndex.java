package ua.viche.archive.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The archive's search index: the names of its fields and the values derived for them. Two kinds
 * of documents share the fields: a page (its text, held once, in the site search's
 * {@code SearchDocumentBinder.TEXT}, which this search reads too) and a file (its description: title, index terms,
 * cipher), so that a file without scans is found by its description. Both carry the file's fond,
 * decades, language, terms, date and the first day it is open to the public, for filters and facets.
 */
public final class ArchiveIndex {

    public static final String TITLE = "title";
    public static final String TERMS = "terms";
    public static final String CIPHER = "cipher";
    public static final String FOND = "fond";
    public static final String DECADE = "decade";
    public static final String LANGUAGE = "language";
    public static final String TERM = "term";
    public static final String DATE = "date";
    public static final String OPEN_FROM = "openFrom";
    /** Stored for the hit itself, so that a result is shown without loading the entity. */
    public static final String HIT_FILE = "hitFile";
    public static final String HIT_PAGE = "hitPage";
    public static final String HIT_CIPHER = "hitCipher";
    public static final String HIT_TITLE = "hitTitle";
    public static final String DATE_FROM = "dateFrom";
    public static final String DATE_TO = "dateTo";

    /** Indexed for "open by its nature"; a date no search compares with. */
    public static final LocalDate ALWAYS = LocalDate.of(1, 1, 1);
    /** Indexed for "closed until an archivist opens it" ({@link LocalDate#MAX} is beyond what the index stores). */
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    private ArchiveIndex() {}

    static LocalDate openFrom(@Nullable LocalDate closedUntil) {
        if (closedUntil == null) {
            return ALWAYS;
        }
        return closedUntil.isAfter(NEVER) ? NEVER : closedUntil;
    }

    /** The decades a file's dates span (1958–1963: 1950 and 1960); none without dates. */
    static List<Integer> decades(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate first = from != null ? from : to;
        LocalDate last = to != null ? to : from;
        List<Integer> decades = new ArrayList<>();
        if (first == null || last == null) {
            return decades;
        }
        for (int d = first.getYear() / 10 * 10; d <= last.getYear(); d += 10) {
            decades.add(d);
        }
        return decades;
    }
}
