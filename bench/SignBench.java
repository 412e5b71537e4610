// Petition signing benchmark over HTTP, with the JDK only: run by bench/petitions.sh (compiled with BenchClient.java); arguments BASE_URL [PERSONS] [THREADS] [vote]
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
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class SignBench {

    public static void main(String[] args) throws Exception {
        BenchClient.base = args[0];
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        if (args.length > 3 && args[3].equals("vote")) {
            vote(persons, threads);
            return;
        }

        BenchClient admin = new BenchClient();
        admin.signInWithPassword("admin@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/admin/settings");
        admin.post("/kropyvnytskyi/admin/settings", Map.of("petitions.enabled", "true", "search.enabled", "true",
                "petitions.threshold", "1000000", "petitions.periodDays", "90"));

        BenchClient author = new BenchClient();
        author.signInAsPerson(0, "Підписант", '3');
        BenchClient moderator = new BenchClient();
        moderator.signInWithPassword("moderator@kropyvnytskyi.demo");
        String warmUp = publishedPetition(author, moderator, "Розігрів підписів ");
        String petition = publishedPetition(author, moderator, "Бенчмарк підписів ");
        long warmUpId = Long.parseLong(warmUp.replaceAll(".*/(\\d+)-.*", "$1"));
        long id = Long.parseLong(petition.replaceAll(".*/(\\d+)-.*", "$1"));

        System.out.printf("petition:  %s%n", petition);
        List<BenchClient> clients = signIn(persons, threads, petition);

        // the same people sign another petition first, so that the measured round runs compiled code, as a server does after its first minutes
        Run cold = Run.of(clients, threads, c -> c.post(petitionPath(warmUpId) + "/sign", Map.of()),
                r -> r.headers().firstValue("location").orElse("").contains("#sign"));
        System.out.printf("warm-up:   %d confirmed on another petition in %.2f s = %.0f confirmed/s (cold code)%n",
                cold.ok(), cold.seconds(), cold.ok() / cold.seconds());
        Run run = Run.of(clients, threads, c -> c.post(petitionPath(id) + "/sign", Map.of()),
                r -> r.headers().firstValue("location").orElse("").contains("#sign"));
        int confirmed = run.ok();
        HttpResponse<String> api = new BenchClient().get("/api/v1/kropyvnytskyi/petitions/" + id);
        Matcher count = Pattern.compile("\"signatureCount\":(\\d+)").matcher(api.body());
        int counted = count.find() ? Integer.parseInt(count.group(1)) : -1;
        System.out.printf("signing:   %d confirmed, %d refused, %d errors in %.2f s = %.0f confirmed/s with %d client threads%n",
                confirmed, run.refused(), run.errors(), run.seconds(), confirmed / run.seconds(), threads);
        run.printLatency();
        System.out.printf("counted:   %d by the API; %s%n", counted,
                counted == confirmed ? "none lost, none doubled" : "MISMATCH with confirmed signatures");
        System.out.println("PETITION_PATH=" + petition);
        if (counted != confirmed || run.errors() > 0) {
            System.exit(1);
        }
    }

    /**
     * All clients send their request at once from THREADS threads: a redirect that {@code confirms} is
     * counted ok, another non-5xx answer refused, a 5xx or a failure an error; latencies per request.
     */
    record Run(int ok, int refused, int errors, double seconds, long[] latencies) {

        interface Action {
            HttpResponse<String> send(BenchClient c) throws Exception;
        }

        static Run of(List<BenchClient> clients, int threads, Action action,
                      java.util.function.Predicate<HttpResponse<String>> confirms) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long[] latencies = new long[clients.size()];
            AtomicInteger slot = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (BenchClient c : clients) {
                runs.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = action.send(c);
                        if (r.statusCode() == 302 && confirms.test(r)) {
                            ok.incrementAndGet();
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
            pool.shutdown();
            Arrays.sort(latencies);
            return new Run(ok.get(), refused.get(), errors.get(), seconds, latencies);
        }

        void printLatency() {
            int n = latencies.length;
            System.out.printf("latency:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", latencies[n / 2] / 1e6,
                    latencies[(int) (n * 0.95)] / 1e6, latencies[(int) (n * 0.99)] / 1e6);
        }
    }

    /** PERSONS people sign in through the demo ID.GOV.UA, each in a session of their own, and open the page. */
    static List<BenchClient> signIn(int persons, int threads, String page) throws Exception {
        long t0 = System.nanoTime();
        List<BenchClient> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, 16));
        List<Future<BenchClient>> ready = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            int n = i;
            ready.add(pool.submit(() -> {
                BenchClient c = new BenchClient();
                c.signInAsPerson(n, "Підписант", '3');
                c.get(page);
                return c;
            }));
        }
        for (Future<BenchClient> f : ready) {
            clients.add(f.get());
        }
        pool.shutdown();
        System.out.printf("sign-ins:  %d people signed in through the demo ID.GOV.UA in %.1f s%n", persons, (System.nanoTime() - t0) / 1e9);
        return clients;
    }

    /** Each person votes once for the same project of the cycle in its voting phase; the count must grow by exactly that. */
    static void vote(int persons, int threads) throws Exception {
        BenchClient visitor = new BenchClient();
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
        List<BenchClient> clients = signIn(persons, threads, page);
        // warm-up: each person votes and takes the vote back on the same project, then the measured round counts
        Run cold = Run.of(clients, threads, c -> c.post(page + "/vote", Map.of()), r -> true);
        Run.of(clients, threads, c -> c.post(page + "/unvote", Map.of()), r -> true);
        System.out.printf("warm-up:   %d votes cast and taken back in %.2f s = %.0f votes/s (cold code)%n",
                cold.ok() + cold.refused(), cold.seconds(), (cold.ok() + cold.refused()) / cold.seconds());
        if (votesOf(visitor, projectsUrl, id) != before) {
            throw new IllegalStateException("votes taken back were still counted");
        }
        Run run = Run.of(clients, threads, c -> c.post(page + "/vote", Map.of()), r -> true);
        int counted = votesOf(visitor, projectsUrl, id) - before;
        System.out.printf("project:   %s (%d votes before)%n", page, before);
        System.out.printf("voting:    %d answered, %d errors in %.2f s = %.0f counted votes/s with %d client threads%n",
                run.ok() + run.refused(), run.errors(), run.seconds(), counted / run.seconds(), threads);
        run.printLatency();
        System.out.printf("counted:   %d new votes for %d people; %s%n", counted, persons,
                counted == persons ? "none lost, none doubled" : "MISMATCH");
        if (counted != persons || run.errors() > 0) {
            System.exit(1);
        }
    }

    static int votesOf(BenchClient c, String projectsUrl, long id) throws Exception {
        Matcher m = Pattern.compile("\\{\"id\":" + id + ",[^{}]*\"votes\":(\\d+)").matcher(c.get(projectsUrl).body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** A petition drafted by the author and published by the moderator; its path. */
    static String publishedPetition(BenchClient author, BenchClient moderator, String title) throws Exception {
        author.get("/kropyvnytskyi/petitions/new");
        String petition = author.location(author.post("/kropyvnytskyi/petitions", Map.of("title", title + System.nanoTime(),
                "text", "Петиція для вимірювання швидкості підписування: кожен підпис має бути враховано рівно один раз.",
                "action", "submit")));
        petition = petition.replaceFirst("^https?://[^/]+", "");
        moderator.get(petition);
        moderator.post(petition + "/publish", Map.of());
        return petition;
    }

    static String petitionPath(long id) {
        return "/kropyvnytskyi/petitions/" + id;
    }
}
