package ua.viche.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CNAP catalogue's pager keeps the search as it was typed. */
class CataloguePagerTest {

    @Test
    void theSearchComesBackAsTypedOnTheNextPage() {
        String href = QueueController.pageHref("kropyvnytskyi", "довідка 1+1 {A&B}", "Реєстрація місця проживання");
        String[] parameters = URI.create(href).getRawQuery().split("&");
        // a server reads a query string as a form does: '+' is a space, %XX a byte
        assertThat(URLDecoder.decode(parameters[0], StandardCharsets.UTF_8)).isEqualTo("q=довідка 1+1 {A&B}");
        assertThat(URLDecoder.decode(parameters[1], StandardCharsets.UTF_8)).isEqualTo("category=Реєстрація місця проживання");
        assertThat(href).startsWith("/kropyvnytskyi/cnap?").doesNotContain("{", "}", " ");
    }
}
