// One browser of the HTTP benchmarks (SignBench, QueueBench, GeoBench, OpendataBench, NotifyBench) and their shared timing: a session cookie, the last CSRF token
// seen, sign-in through the demo ID.GOV.UA or with a password. Compiled with them by bench/lib.sh.
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser: a session cookie and the last CSRF token seen. */
final class BenchClient {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** Kropyvnytskyi's KATOTTG code: a person whose ID.GOV.UA address has it is a resident there (decision 0032). */
    static final String KROPYVNYTSKYI = "UA35040000000034705";
    /** The application's address, e.g. http://127.0.0.1:18080. */
    static String base;

    String cookie = "";
    String csrf = "";
    /** How long a request may take (a broadcast's confirmation queues every recipient before it answers). */
    Duration timeout = Duration.ofSeconds(60);

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(req(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpResponse<String> r = HTTP.send(req(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        return r;
    }

    /** A file of a multipart form. */
    record Part(String filename, String contentType, byte[] content) {}

    /** A multipart/form-data POST with the CSRF token as a field and as the header. */
    HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, Part> files) throws Exception {
        String boundary = "----viche-bench-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        for (Map.Entry<String, String> f : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Part> f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                    + f.getValue().filename() + "\"\r\nContent-Type: " + f.getValue().contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue().content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(req(path).timeout(Duration.ofMinutes(30)).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        remember(r);
        return r;
    }

    HttpRequest.Builder req(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(timeout);
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    void remember(HttpResponse<?> r) {
        for (String c : r.headers().allValues("set-cookie")) {
            if (c.startsWith("SESSION=")) {
                cookie = c.substring(0, c.indexOf(';'));
            }
        }
    }

    String location(HttpResponse<?> r) {
        return r.headers().firstValue("location").orElseThrow(() -> new IllegalStateException("no redirect: " + r.statusCode() + " "
                + r.request().uri() + (r.body() instanceof String b && b.contains("role=\"alert\"")
                ? ": " + b.substring(b.indexOf("role=\"alert\""), Math.min(b.length(), b.indexOf("role=\"alert\"") + 400)).replaceAll("<[^>]*>|\\s+", " ") : "")));
    }

    /**
     * Signs in through the demo ID.GOV.UA as a typed, made-up person number n; the tax number starts
     * with the given digit (3… gives a plausible date of birth), the given name says the role.
     */
    void signInAsPerson(int n, String givenName, char taxDigit) throws Exception {
        String authorise = location(get("/account/signin/idgovua"));
        get(authorise);
        Map<String, String> q = query(authorise);
        String callback = location(post("/demo/idgovua/authorise-typed", Map.of(
                "lastName", "Тестовий", "givenName", givenName + " " + n, "middleName", "",
                "taxNumber", taxDigit + String.format("%09d", n), "address", "м. Кропивницький, вул. Тестова, " + n, "katottg", KROPYVNYTSKYI, "email", "",
                "state", q.get("state"), "redirect_uri", q.get("redirect_uri"))));
        HttpResponse<String> done = get(callback);
        if (done.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed for person " + n + ": " + done.statusCode());
        }
    }

    void signInWithPassword(String email) throws Exception {
        get("/account/signin");
        HttpResponse<String> r = post("/account/signin", Map.of("email", email, "password", "viche-demo-2026"));
        if (!location(r).contains("/account")) {
            throw new IllegalStateException("password sign-in failed for " + email);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        String part = url.substring(url.indexOf('?') + 1);
        for (String kv : part.split("&")) {
            int i = kv.indexOf('=');
            q.put(java.net.URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /**
     * Times one kind of request: 20 warm-up calls, then {@code count} one after another (p50, p95,
     * p99, max, mean response size), then the same requests from two clients at once (requests per
     * second); prints one line. Every answer must be 200.
     */
    static void measure(String what, int count, IntFunction<String> path, BenchClient client) throws Exception {
        for (int i = 0; i < Math.min(20, count); i++) {
            check(client.get(path.apply(i)));
        }
        List<Long> micros = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = client.get(path.apply(i));
            micros.add((System.nanoTime() - t) / 1000);
            check(r);
            bytes += r.body().length();
        }
        Collections.sort(micros);
        // 2 clients at once, same requests
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int offset = c;
            done.add(pool.submit(() -> {
                BenchClient own = new BenchClient();
                for (int i = offset; i < count; i += 2) {
                    check(own.get(path.apply(i)));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%-45s n=%4d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  %8.0f chars/response  2 clients: %6.1f req/s%n",
                what, count, pct(micros, 50), pct(micros, 95), pct(micros, 99), micros.get(micros.size() - 1) / 1000.0,
                (double) bytes / count, count / seconds);
    }

    static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + r.uri());
        }
    }
}
