package ua.viche.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.IntegrationTest;

/** The micro-cache answers anonymous readers from memory, and never anyone with a session. */
@IntegrationTest
class PublicPageCacheTest {

    @LocalServerPort int port;
    @Autowired PublicPageCache cache;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void on() {
        cache.ttl(Duration.ofMinutes(5));
    }

    @AfterEach
    void off() {
        cache.ttl(Duration.ZERO);
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cache(HttpResponse<?> r) {
        return r.headers().firstValue("X-Page-Cache").orElse("none");
    }

    @Test
    void anonymousReadersShareOneRenderWithTheirOwnSecurityHeaders() throws Exception {
        HttpResponse<String> first = get("/dmytrivka/petitions");
        HttpResponse<String> second = get("/dmytrivka/petitions");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cache(first)).isEqualTo("miss");
        assertThat(cache(second)).isEqualTo("hit");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        String csp1 = first.headers().firstValue("Content-Security-Policy").orElseThrow();
        String csp2 = second.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp2).contains("nonce-").isNotEqualTo(csp1);
        assertThat(second.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void languagesAreKeptApart() throws Exception {
        get("/dmytrivka/petitions");
        HttpResponse<String> english = get("/dmytrivka/petitions", "Cookie", "lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">");
        HttpResponse<String> again = get("/dmytrivka/petitions", "Cookie", "lang=en");
        assertThat(cache(again)).isEqualTo("hit");
        assertThat(again.body()).contains("<html lang=\"en\">");
        assertThat(cache(get("/dmytrivka/petitions?lang=en"))).isEqualTo("none");
    }

    @Test
    void aSessionOrAnErrorIsNeverCached() throws Exception {
        get("/dmytrivka/petitions");
        assertThat(cache(get("/dmytrivka/petitions", "Cookie", "SESSION=abc"))).isEqualTo("none");
        assertThat(cache(get("/dmytrivka/petitions", "Cookie", "lang=uk; SESSION=abc"))).isEqualTo("none");
        assertThat(get("/dmytrivka/petitions/999999").statusCode()).isEqualTo(404);
        HttpResponse<String> again = get("/dmytrivka/petitions/999999");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(cache(again)).isEqualTo("miss");
    }

    /** 32 visitors asking for a page at once: one request renders it, the others get that render. */
    private List<HttpResponse<String>> atOnce(String path) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> out = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : all) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void manyVisitorsAtOnceCostOneRender() throws Exception {
        cache.ttl(Duration.ofSeconds(2));
        // the first time: one renders, the others wait for it
        List<HttpResponse<String>> first = atOnce("/kropyvnytskyi");
        assertThat(first).allMatch(r -> r.statusCode() == 200);
        assertThat(first.stream().filter(r -> cache(r).equals("miss"))).hasSize(1);
        assertThat(first.stream().map(HttpResponse::body).distinct()).hasSize(1);

        // when its time is up: one renders it anew, the others get the page as it was meanwhile
        Thread.sleep(2_100);
        List<HttpResponse<String>> later = atOnce("/kropyvnytskyi");
        assertThat(later).allMatch(r -> r.statusCode() == 200);
        assertThat(later.stream().filter(r -> cache(r).equals("miss"))).hasSize(1);
        assertThat(later.stream().map(PublicPageCacheTest::cache)).allMatch(c -> Set.of("miss", "hit", "stale").contains(c));
    }
}
