// Petition signing benchmark over HTTP, with the JDK only: run by bench/petitions.sh (compiled with BenchClient.java); arguments BASE_URL [PERSONS] [THREADS] [ROUNDS | vote [ROUNDS]]
// With "vote" the same people vote instead, for a project of the demo budget cycle now in its
// voting phase in Kropyvnytskyi: each casts, takes back and casts again ROUNDS times over, and the
// project's count must grow by exactly one vote a person.
//
// 1. The community admin of Kropyvnytskyi raises the petition threshold so that the benchmark
//    petitions keep collecting; residents create ROUNDS petitions (default 1) and one to warm up
//    on; the moderator publishes them.
// 2. PERSONS distinct people sign in through the demo ID.GOV.UA (typed persons, made-up tax
//    numbers), each with their own session and CSRF token.
// 3. Measured: every person signs every petition, petition after petition, from THREADS client
//    threads that send the next request as soon as an answer comes (ROUNDS × PERSONS signatures);
//    then each petition's count shown by the API is compared with the confirmed signatures: none
//    lost, none doubled.
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
            vote(persons, threads, args.length > 4 ? Integer.parseInt(args[4]) : 1);
            return;
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (rounds < 1 || rounds > 25) {
            throw new IllegalArgumentException("rounds must be 1 to 25: a person may sign 30 times a minute");
        }

        BenchClient admin = new BenchClient();
        admin.signInWithPassword("admin@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/admin/settings");
        admin.post("/kropyvnytskyi/admin/settings", Map.of("petitions.enabled", "true", "search.enabled", "true",
                "petitions.threshold", "1000000", "petitions.periodDays", "90"));

        // a person may submit 10 petitions an hour: one author for each ten
        List<BenchClient> authors = new ArrayList<>();
        for (int a = 1; a <= (rounds + 1 + 9) / 10; a++) {
            BenchClient author = new BenchClient();
            author.signInAsPerson(a, "Автор", '4');
            authors.add(author);
        }
        BenchClient moderator = new BenchClient();
        moderator.signInWithPassword("moderator@kropyvnytskyi.demo");
        String warmUp = publishedPetition(authors.get(0), moderator, "Розігрів підписів ");
        List<String> petitions = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            petitions.add(publishedPetition(authors.get(r / 10), moderator, "Бенчмарк підписів " + r + " "));
        }
        long warmUpId = idOf(warmUp);

        System.out.printf("petitions: %d, from %s%n", rounds, petitions.get(0));
        List<BenchClient> clients = signIn(persons, threads, petitions.get(0));

        // the same people sign another petition first, so that the measured rounds run compiled code, as a server does after its first minutes
        Run cold = Run.of(clients.size(), threads, i -> clients.get(i).post(petitionPath(warmUpId) + "/sign", Map.of()), SignBench::signed);
        System.out.printf("warm-up:   %d confirmed on another petition in %.2f s = %.0f confirmed/s (cold code)%n",
                cold.ok(), cold.seconds(), cold.ok() / cold.seconds());
        // measured: every person signs every petition, petition after petition, from THREADS threads without pause
        long[] ids = petitions.stream().mapToLong(SignBench::idOf).toArray();
        long cpuBefore = appCpuMillis();
        Run run = Run.of(persons * rounds, threads, i -> clients.get(i % persons).post(petitionPath(ids[i / persons]) + "/sign", Map.of()),
                SignBench::signed);
        int confirmed = run.ok();
        int counted = 0;
        int wrong = 0;
        for (long id : ids) {
            HttpResponse<String> api = new BenchClient().get("/api/v1/kropyvnytskyi/petitions/" + id);
            Matcher count = Pattern.compile("\"signatureCount\":(\\d+)").matcher(api.body());
            int n = count.find() ? Integer.parseInt(count.group(1)) : -1;
            counted += n;
            wrong += n == persons ? 0 : 1;
        }
        System.out.printf("signing:   %d confirmed, %d refused, %d errors in %.2f s = %.0f confirmed/s with %d client threads"
                        + " (%d people × %d petitions)%n", confirmed, run.refused(), run.errors(), run.seconds(),
                confirmed / run.seconds(), threads, persons, rounds);
        run.printLatency();
        long cpu = appCpuMillis() - cpuBefore;
        if (cpuBefore >= 0) {
            System.out.printf("app CPU:   %.2f ms per confirmed signature (the application's processes, user + system)%n",
                    (double) cpu / confirmed);
        }
        System.out.printf("counted:   %d by the API over %d petitions; %s%n", counted, rounds,
                counted == confirmed && wrong == 0 ? "none lost, none doubled" : "MISMATCH with confirmed signatures");
        System.out.println("PETITION_PATH=" + petitions.get(0));
        if (counted != confirmed || wrong > 0 || run.errors() > 0) {
            System.exit(1);
        }
    }

    /**
     * CPU time used so far by the application's processes (BENCH_APP_PID: one pid, or several separated
     * by spaces when several nodes serve), in ms, from /proc; -1 when unknown. Less sensitive than
     * throughput to what else the machine is doing.
     */
    static long appCpuMillis() {
        String pids = System.getenv("BENCH_APP_PID");
        try {
            if (pids == null || pids.isBlank()) {
                return -1;
            }
            long ticks = 0;
            for (String pid : pids.strip().split("\\s+")) {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of the line (utime, stime), counted after the command's closing parenthesis, in clock ticks of 10 ms
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
            return ticks * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    static boolean signed(HttpResponse<String> r) {
        return r.headers().firstValue("location").orElse("").contains("#sign");
    }

    static long idOf(String petitionPath) {
        return Long.parseLong(petitionPath.replaceAll(".*/(\\d+)-.*", "$1"));
    }

    /**
     * All clients send their request at once from THREADS threads: a redirect that {@code confirms} is
     * counted ok, another non-5xx answer refused, a 5xx or a failure an error; latencies per request.
     */
    record Run(int ok, int refused, int errors, double seconds, long[] latencies) {

        interface Action {
            HttpResponse<String> send(int request) throws Exception;
        }

        /** Sends requests 0 … count-1 from THREADS threads, each as soon as a thread is free. */
        static Run of(int count, int threads, Action action,
                      java.util.function.Predicate<HttpResponse<String>> confirms) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            long[] latencies = new long[count];
            AtomicInteger slot = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                int request = i;
                runs.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = action.send(request);
                        if ((r.statusCode() == 302 || r.statusCode() == 303) && confirms.test(r)) {
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
    static void vote(int persons, int threads, int rounds) throws Exception {
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
        Run cold = Run.of(clients.size(), threads, i -> clients.get(i).post(page + "/vote", Map.of()), r -> true);
        Run.of(clients.size(), threads, i -> clients.get(i).post(page + "/unvote", Map.of()), r -> true);
        System.out.printf("warm-up:   %d votes cast and taken back in %.2f s = %.0f votes/s (cold code)%n",
                cold.ok() + cold.refused(), cold.seconds(), (cold.ok() + cold.refused()) / cold.seconds());
        if (votesOf(visitor, projectsUrl, id) != before) {
            throw new IllegalStateException("votes taken back were still counted");
        }
        // measured: every person votes, takes the vote back, votes again … (2 × ROUNDS + 1 actions each, the last a vote),
        // from THREADS threads without pause; each answer must confirm its action
        int actions = 2 * rounds + 1;
        long cpuBefore = appCpuMillis();
        Run run = Run.of(persons * actions, threads, i -> clients.get(i % persons).post(page + ((i / persons) % 2 == 0 ? "/vote" : "/unvote"),
                Map.of()), r -> r.headers().firstValue("location").orElse("").matches(".*done=(cast|withdrawn)#vote"));
        long cpu = appCpuMillis() - cpuBefore;
        int counted = votesOf(visitor, projectsUrl, id) - before;
        System.out.printf("project:   %s (%d votes before)%n", page, before);
        System.out.printf("voting:    %d confirmed (votes cast and taken back), %d refused, %d errors in %.2f s = %.0f confirmed/s"
                        + " with %d client threads (%d people × %d actions)%n", run.ok(), run.refused(), run.errors(), run.seconds(),
                run.ok() / run.seconds(), threads, persons, actions);
        run.printLatency();
        if (cpuBefore >= 0) {
            System.out.printf("app CPU:   %.2f ms per confirmed action (the application's processes, user + system)%n", (double) cpu / run.ok());
        }
        System.out.printf("counted:   %d new votes for %d people; %s%n", counted, persons,
                counted == persons && run.ok() == persons * actions ? "none lost, none doubled" : "MISMATCH");
        if (counted != persons || run.ok() != persons * actions || run.errors() > 0) {
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
