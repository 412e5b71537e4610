package ua.viche.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ua.viche.search.SearchStatus;
import ua.viche.search.SiteSearch;

/** The facet, pager and suggestion links of the search page carry the query exactly as it was typed. */
class SearchLinksTest {

    @Test
    void theQueryComesBackAsTypedWhateverItHolds() {
        for (String q : new String[] {"a+b", "C++ курси", "{x}", "100%", "a&b=c", "«даху школи» -гімназії", "ремонт #5"}) {
            SearchLinks links = SearchLinks.of("kropyvnytskyi", new SiteSearch.Query(q, "petition", SearchStatus.OPEN, 2026, 0));
            for (String href : new String[] {links.current(), links.kind(null), links.status(null), links.year(null),
                    links.query(q)}) {
                // a server reads a query string as a form does: '+' is a space, %XX a byte
                assertThat(parameters(href).get("q")).as("q of %s in %s", q, href).isEqualTo(q);
                // Tomcat refuses a request whose query holds a raw brace, and a browser sends one as it is
                assertThat(href).as(href).doesNotContain("{", "}", " ");
            }
            assertThat(parameters(links.current())).containsEntry("kind", "petition").containsEntry("status", "open")
                    .containsEntry("year", "2026");
            assertThat(parameters(links.kind(null))).doesNotContainKey("kind").containsEntry("status", "open");
        }
    }

    private static Map<String, String> parameters(String href) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(href).getRawQuery();
        for (String pair : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length < 2 ? "" : URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
