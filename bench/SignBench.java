// Petition signing benchmark over HTTP, with the JDK only: java bench/SignBench.java BASE_URL [PERSONS] [THREADS] [vote]
// With "vote" the same people cast a vote instead, for a project of the demo budget cycle now in
// its voting phase in Kropyvnytskyi, and the project's vote count is compared with the votes cast.
//
// 1. The community admin of Kropyvnytskyi raises the petition threshold so that the benchmark
//    petition keeps collecting; a resident creates a petition; the moderator publishes it.
// 2. PERSONS distinct people sign in through the demo ID.GOV.UA (typed persons, made-up tax
//    numbers), each with their own session and CSRF token.
// 3. Measured: all of them sign at once from THREADS client threads; then the count shown by the
//    API is compared with the confirmed signatures: none lost, none doubled.
// Prints the petition's path on the last line as "PETITION_PATH=/kropyvnytskyi/petitions/…".
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SignBench {

    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static String base;

    /** One browser: a session cookie and the last CSRF token seen. */
    static final class Client {
        String cookie = "";
        String csrf = "";

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

        HttpRequest.Builder req(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(60));
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
            return r.headers().firstValue("location").orElseThrow(() -> new IllegalStateException("no redirect: " + r.statusCode()));
        }

        /** Signs in through the demo ID.GOV.UA as a typed, made-up person. */
        void signInAsPerson(int n) throws Exception {
            String authorise = location(get("/account/signin/idgovua"));
            get(authorise);
            Map<String, String> q = query(authorise);
            String callback = location(post("/demo/idgovua/authorise-typed", Map.of(
                    "lastName", "Тестовий", "givenName", "Підписант " + n, "middleName", "",
                    "taxNumber", String.format("3%09d", n), "address", "м. Кропивницький, вул. Тестова, " + n, "email", "",
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

    public static void main(String[] args) throws Exception {
        base = args[0];
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        if (args.length > 3 && args[3].equals("vote")) {
            vote(persons, threads);
            return;
        }

        Client admin = new Client();
        admin.signInWithPassword("admin@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/admin/settings");
        admin.post("/kropyvnytskyi/admin/settings", Map.of("petitions.enabled", "true", "search.enabled", "true",
                "petitions.threshold", "1000000", "petitions.periodDays", "90"));

        Client author = new Client();
        author.signInAsPerson(0);
        author.get("/kropyvnytskyi/petitions/new");
        String petition = author.location(author.post("/kropyvnytskyi/petitions", Map.of("title", "Бенчмарк підписів " + System.nanoTime(),
                "text", "Петиція для вимірювання швидкості підписування: кожен підпис має бути враховано рівно один раз.",
                "action", "submit")));
        petition = petition.replaceFirst("^https?://[^/]+", "");
        Client moderator = new Client();
        moderator.signInWithPassword("moderator@kropyvnytskyi.demo");
        moderator.get(petition);
        moderator.post(petition + "/publish", Map.of());
        long id = Long.parseLong(petition.replaceAll(".*/(\\d+)-.*", "$1"));
        String page = petition;

        System.out.printf("petition:  %s%n", petition);
        List<Client> clients = signIn(persons, threads, page);

        ExecutorService signers = Executors.newFixedThreadPool(threads);
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[persons];
        AtomicInteger slot = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (Client c : clients) {
            runs.add(signers.submit(() -> {
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = c.post(petitionPath(id) + "/sign", Map.of());
                    String to = r.headers().firstValue("location").orElse("");
                    if (r.statusCode() == 302 && to.contains("#sign")) {
                        confirmed.incrementAndGet();
                    } else if (r.statusCode() >= 500) {
                        errors.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies[slot.getAndIncrement()] = System.nanoTime() - s;
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        signers.shutdown();
        Arrays.sort(latencies);
        HttpResponse<String> api = new Client().get("/api/v1/kropyvnytskyi/petitions/" + id);
        Matcher count = Pattern.compile("\"signatureCount\":(\\d+)").matcher(api.body());
        int counted = count.find() ? Integer.parseInt(count.group(1)) : -1;
        System.out.printf("signing:   %d confirmed, %d refused, %d errors in %.2f s = %.0f confirmed/s with %d client threads%n",
                confirmed.get(), refused.get(), errors.get(), seconds, confirmed.get() / seconds, threads);
        System.out.printf("latency:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", latencies[persons / 2] / 1e6,
                latencies[(int) (persons * 0.95)] / 1e6, latencies[(int) (persons * 0.99)] / 1e6);
        System.out.printf("counted:   %d by the API; %s%n", counted,
                counted == confirmed.get() ? "none lost, none doubled" : "MISMATCH with confirmed signatures");
        System.out.println("PETITION_PATH=" + petition);
        if (counted != confirmed.get() || errors.get() > 0) {
            System.exit(1);
        }
    }

    /** PERSONS people sign in through the demo ID.GOV.UA, each in a session of their own, and open the page. */
    static List<Client> signIn(int persons, int threads, String page) throws Exception {
        long t0 = System.nanoTime();
        List<Client> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, 16));
        List<Future<Client>> ready = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            int n = i;
            ready.add(pool.submit(() -> {
                Client c = new Client();
                c.signInAsPerson(n);
                c.get(page);
                return c;
            }));
        }
        for (Future<Client> f : ready) {
            clients.add(f.get());
        }
        pool.shutdown();
        System.out.printf("sign-ins:  %d people signed in through the demo ID.GOV.UA in %.1f s%n", persons, (System.nanoTime() - t0) / 1e9);
        return clients;
    }

    /** Each person votes once for the same project of the cycle in its voting phase; the count must grow by exactly that. */
    static void vote(int persons, int threads) throws Exception {
        Client visitor = new Client();
        Matcher cycle = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"[^\"]*\",\"year\":\\d+,\"phase\":\"voting\"")
                .matcher(visitor.get("/api/v1/kropyvnytskyi/budget/cycles").body());
        if (!cycle.find()) {
            throw new IllegalStateException("no budget cycle in its voting phase");
        }
        String projectsUrl = "/api/v1/kropyvnytskyi/budget/cycles/" + cycle.group(1) + "/projects";
        Matcher project = Pattern.compile("\\{\"id\":(\\d+),[^{}]*\"status\":\"admitted\"").matcher(visitor.get(projectsUrl).body());
        if (!project.find()) {
            throw new IllegalStateException("no project on the ballot");
        }
        long id = Long.parseLong(project.group(1));
        String page = "/kropyvnytskyi/budget/projects/" + id;
        int before = votesOf(visitor, projectsUrl, id);
        List<Client> clients = signIn(persons, threads, page);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[persons];
        AtomicInteger slot = new AtomicInteger();
        ExecutorService voters = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (Client c : clients) {
            runs.add(voters.submit(() -> {
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = c.post(page + "/vote", Map.of());
                    if (r.statusCode() == 302) {
                        answered.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies[slot.getAndIncrement()] = System.nanoTime() - s;
                return null;
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        voters.shutdown();
        Arrays.sort(latencies);
        int counted = votesOf(visitor, projectsUrl, id) - before;
        System.out.printf("project:   %s (%d votes before)%n", page, before);
        System.out.printf("voting:    %d answered, %d errors in %.2f s = %.0f counted votes/s with %d client threads%n",
                answered.get(), errors.get(), seconds, counted / seconds, threads);
        System.out.printf("latency:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", latencies[persons / 2] / 1e6,
                latencies[(int) (persons * 0.95)] / 1e6, latencies[(int) (persons * 0.99)] / 1e6);
        System.out.printf("counted:   %d new votes for %d people; %s%n", counted, persons,
                counted == persons ? "none lost, none doubled" : "MISMATCH");
        if (counted != persons || errors.get() > 0) {
            System.exit(1);
        }
    }

    static int votesOf(Client c, String projectsUrl, long id) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":" + id + ",[^{}]*\"votes\":(\\d+)").matcher(c.get(projectsUrl).body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static String petitionPath(long id) {
        return "/kropyvnytskyi/petitions/" + id;
    }
}
