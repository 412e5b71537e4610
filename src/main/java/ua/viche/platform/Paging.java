package ua.viche.platform;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page requests from the page numbers people and robots send: a number below the first page is the
 * first page, and one beyond the largest offset a query can take is the last page that can exist
 * (empty, like any page past the end), never an error.
 */
public final class Paging {

    private Paging() {}

    public static PageRequest of(int page, int size) {
        return of(page, size, Sort.unsorted());
    }

    public static PageRequest of(int page, int size, Sort sort) {
        return PageRequest.of(number(page, size), size, sort);
    }

    /** The page number kept within 0 and the last page whose offset (page × size) is an {@code int}. */
    public static int number(int page, int size) {
        return Math.min(Math.max(page, 0), Integer.MAX_VALUE / Math.max(size, 1) - 1);
    }
}
