package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import ua.viche.IntegrationTest;

/**
 * Every error is the platform's page in the user's language (or an RFC 9457 problem document under
 * {@code /api/}), including those the servlet container answers itself before any application code
 * runs: the raw HTTP requests here are what browsers, robots and attackers send.
 */
@IntegrationTest
class ErrorPagesTest {

    @LocalServerPort int port;

    /** Malformed requests Tomcat refuses itself: the platform's page, in the language of the cookie. */
    @Test
    void errorsOfTheContainerAreThePlatformsPageInTheUsersLanguage() throws Exception {
        // a request line Tomcat cannot read: its headers are not read either, so the page is in Ukrainian
        assertPlatformPage(raw("GET /a{b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400, "Неправильний запит");
        for (String target : new String[] {"/%zz", "/a%00b", "/kropyvnytskyi/petitions/%"}) {
            assertPlatformPage(raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                    400, "Неправильний запит");
            assertPlatformPage(raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nCookie: lang=en\r\nConnection: close\r\n\r\n"),
                    400, "Bad request");
        }
        assertPlatformPage(raw("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"),
                400, "Неправильний запит");
        assertPlatformPage(raw("GET / HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n"), 400, "Неправильний запит");
        assertPlatformPage(raw("GET /?lang=en HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 505, "Something went wrong");
        assertPlatformPage(raw("TRACE / HTTP/1.1\r\nHost: localhost\r\nCookie: lang=en\r\nConnection: close\r\n\r\n"),
                405, "Action not supported");

        // parameters the container cannot read (a broken escape) are a bad request, not a server error
        assertPlatformPage(raw("GET /kropyvnytskyi/petitions?q=%zz HTTP/1.1\r\nHost: localhost\r\nCookie: lang=en\r\nConnection: close\r\n\r\n"),
                400, "Bad request");
        assertPlatformPage(raw("POST /account/signin HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 13\r\nConnection: close\r\n\r\nemail=%zz&x=%"), 400, "Неправильний запит");

        String api = raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\nCookie: lang=en\r\nConnection: close\r\n\r\n");
        assertThat(api).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":400").contains("\"title\":\"Bad request\"").doesNotContain("Tomcat");
    }

    @Test
    void anOversizedBodyIsThePlatformsPage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/account/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lang=en")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + "x".repeat(1_500_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("File or request too large").contains("<main id=\"main\"").doesNotContain("Tomcat");
    }

    @Test
    void theErrorAddressOpenedDirectlyIsAnOrdinaryNotFoundPage() throws Exception {
        HttpResponse<String> uk = get("/error", null);
        assertThat(uk.statusCode()).isEqualTo(404);
        assertThat(uk.body()).contains("Сторінку не знайдено").contains("<main id=\"main\"");
        HttpResponse<String> en = get("/error?lang=en&page=99999999999999999999", null);
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Page not found");
        HttpResponse<String> missing = get("/kropyvnytskyi/petitions/999999999?lang=en", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("lang=\"en\"");
    }

    /** A session cookie that names no session (garbage, NUL bytes, too long) is no session, not an error. */
    @Test
    void aGarbageSessionCookieIsNoSession() throws Exception {
        String nul = Base64.getEncoder().encodeToString("a\u0000b".getBytes(StandardCharsets.UTF_8));
        for (String cookie : new String[] {"AAECAwQ=", nul, "%%%", "x".repeat(4000)}) {
            HttpResponse<String> page = get("/account/signin", "SESSION=" + cookie);
            assertThat(page.statusCode()).as(cookie).isEqualTo(200);
        }
    }

    /** Control characters in parameters are refused with a clear 400 before anything reads them. */
    @Test
    void controlCharactersInParametersAreAClearBadRequest() throws Exception {
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/account/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lang=en")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%00b%40example.org&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("control characters");
        HttpResponse<String> query = get("/kropyvnytskyi/petitions?q=%1b%5b31m", null);
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("керівні символи");
        assertThat(get("/kropyvnytskyi/petitions?q=%D0%B2%D0%BE%D0%B4%D0%B0%0D%0A%09", null).statusCode())
                .as("tab and line breaks are text").isEqualTo(200);
    }

    private static void assertPlatformPage(String answer, int status, String title) {
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(answer).contains("<main id=\"main\"").contains(title)
                .doesNotContain("Tomcat").doesNotContain("HTTP Status");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException e) {
                // what was answered is enough
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
