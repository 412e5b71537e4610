package ua.viche.cluster;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser over real HTTP: the session cookie (sessions live in the database, so any node
 * knows it) and the last CSRF token seen. Requests go to the address it was made with, or to another
 * one given with the path, so that one person can be sent to a chosen node.
 */
final class HttpBrowser {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The KATOTTG code of Kropyvnytskyi: a typed person with it is a resident of the demo city. */
    private static final String KROPYVNYTSKYI = "UA35040000000034705";

    private final String base;
    private String cookie = "";
    private String csrf = "";

    HttpBrowser(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String pathOrUrl) throws Exception {
        HttpResponse<String> r = HTTP.send(request(pathOrUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form) throws Exception {
        return post(pathOrUrl, form, Map.of());
    }

    HttpResponse<String> post(String pathOrUrl, Map<String, String> form, Map<String, String> headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        HttpRequest.Builder request = request(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(request::header);
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        return r;
    }

    /** A multipart/form-data POST of one file and some fields, the CSRF token as a field. */
    HttpResponse<String> upload(String pathOrUrl, Map<String, String> fields, String field, String filename, String type,
                                byte[] content) throws Exception {
        String boundary = "----viche" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        for (Map.Entry<String, String> f : all.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(request(pathOrUrl).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        return r;
    }

    HttpResponse<byte[]> bytes(String pathOrUrl) throws Exception {
        return HTTP.send(request(pathOrUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Where a redirect goes; a page that came instead is reported with its alert, for the reader of a failed test. */
    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("location").orElseThrow(() -> new IllegalStateException("no redirect: " + r.statusCode()
                + (r.body() instanceof String page && page.contains("role=\"alert\"")
                        ? " " + page.substring(page.indexOf("role=\"alert\""), Math.min(page.length(), page.indexOf("role=\"alert\"") + 400))
                        : "")));
    }

    /**
     * Signs in through the demo ID.GOV.UA as a typed, made-up person n (tax number 3… so that the date
     * of birth it implies is plausible), the given name saying the person's part in the test.
     */
    void signInAsPerson(int n, String givenName) throws Exception {
        String authorise = location(get("/account/signin/idgovua"));
        get(authorise);
        Map<String, String> q = query(authorise);
        String callback = location(post("/demo/idgovua/authorise-typed", Map.of(
                "lastName", "Кластерний", "givenName", givenName + " " + n, "middleName", "",
                "taxNumber", "3" + String.format("%09d", n), "address", "м. Кропивницький, вул. Тестова, " + n, "katottg", KROPYVNYTSKYI, "email", "",
                "state", q.getOrDefault("state", ""), "redirect_uri", q.getOrDefault("redirect_uri", ""))));
        HttpResponse<String> done = get(callback);
        if (done.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed for person " + n + ": " + done.statusCode());
        }
    }

    void signInWithPassword(String email) throws Exception {
        get("/account/signin");
        HttpResponse<String> r = post("/account/signin", Map.of("email", email, "password", "viche-demo-2026"));
        if (!location(r).contains("/account")) {
            throw new IllegalStateException("password sign-in failed for " + email + ": " + location(r));
        }
    }

    private HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private void remember(HttpResponse<?> r) {
        List<String> set = r.headers().allValues("set-cookie");
        for (String c : set) {
            if (c.startsWith("SESSION=")) {
                String value = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                cookie = value.equals("SESSION=") ? "" : value;
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        if (url.indexOf('?') < 0) {
            return q;
        }
        for (String kv : url.substring(url.indexOf('?') + 1).split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) {
                q.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
