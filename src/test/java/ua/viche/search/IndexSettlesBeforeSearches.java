package ua.viche.search;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In tests only: a request that searches (a {@code q} parameter or a search path) first waits until
 * the outbox has applied every change committed so far (decision 0058), so that a test that writes
 * and then searches reads its own writes, as it did when the index was written during the commit.
 * How soon a change is searchable is tested on its own ({@code SearchOutboxTest}).
 */
@Component
class IndexSettlesBeforeSearches extends OncePerRequestFilter {

    private final SearchIndexing indexing;

    IndexSettlesBeforeSearches(SearchIndexing indexing) {
        this.indexing = indexing;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String q = request.getParameter("q");
        if (q != null && !q.isBlank() || request.getRequestURI().contains("search")) {
            indexing.awaitIndexed();
        }
        chain.doFilter(request, response);
    }
}
