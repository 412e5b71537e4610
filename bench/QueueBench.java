// CNAP queue benchmark over HTTP, with the JDK only: run by bench/queue.sh (compiled with BenchClient.java); arguments BASE_URL [PERSONS] [THREADS] [LOOKUPS]
//
// 1. The CNAP administrator imports 500 services over the 41 demo workplaces of Kropyvnytskyi (CSV import page).
// 2. Free-slot lookup latency through /api/v1/kropyvnytskyi/cnap/slots: the whole 21-day horizon, and one day.
// 3. Contention: PERSONS distinct people sign in through the demo ID.GOV.UA and all try at once to book
//    10 slots of a service offered at one window: exactly 10 bookings, the rest told the slot is gone, no 5xx.
import java.net.http.HttpResponse;
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

public class QueueBench {

    public static void main(String[] args) throws Exception {
        BenchClient.base = args[0];
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int lookups = args.length > 3 ? Integer.parseInt(args[3]) : 2000;

        // 1. The catalogue: 500 services over Kropyvnytskyi's 41 demo workplaces, imported as CSV by the CNAP administrator,
        //    plus one "hot" service offered at a single window for the contention run.
        BenchClient admin = new BenchClient();
        admin.signInWithPassword("cnap@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/cnap/console/import");
        List<String> workplaces = new ArrayList<>();
        for (int i = 1; i <= 26; i++) workplaces.add(String.format("K-%02d", i));
        for (int i = 1; i <= 4; i++) workplaces.add(String.format("F-%02d", i));
        for (int i = 1; i <= 3; i++) workplaces.add(String.format("P-%02d", i));
        for (int i = 1; i <= 8; i++) workplaces.add(String.format("R-%02d", i));
        StringBuilder csv = new StringBuilder("code,name_uk,name_en,category_uk,category_en,description,documents,cost,duration_minutes,workplaces\n");
        for (int i = 1; i <= 500; i++) {
            List<String> at = new ArrayList<>();
            for (int j = 0; j < 6; j++) at.add(workplaces.get((i * 7 + j * 5) % 26)); // six windows of the centre
            at.add(workplaces.get(26 + i % 15)); // and one subdivision or remote workplace
            csv.append(String.format("BENCH-%03d,Послуга для вимірювання %d,Benchmark service %d,Бенчмарк %d,Benchmark %d,,Паспорт,,%d,%s%n",
                    i, i, i, i % 12, i % 12, 15 + 15 * (i % 3), String.join("|", new java.util.LinkedHashSet<>(at))));
        }
        csv.append("BENCH-HOT,Гаряча послуга,Hot service,Бенчмарк,Benchmark,,,,15,K-26\n");
        long ti = System.nanoTime();
        HttpResponse<String> imported = admin.post("/kropyvnytskyi/cnap/console/import", Map.of("csv", csv.toString()));
        Matcher summary = Pattern.compile("id=\"import-summary\">([^<]+)<").matcher(imported.body());
        System.out.printf("import:    %s in %.1f s%n", summary.find() ? summary.group(1) : "status " + imported.statusCode(),
                (System.nanoTime() - ti) / 1e9);

        BenchClient anon = new BenchClient();
        String services = anon.get("/api/v1/kropyvnytskyi/cnap/services?q=BENCH-&size=500").body();
        Matcher sm = Pattern.compile("\"id\":(\\d+),\"code\":\"(BENCH-[0-9A-Z]+)\"").matcher(services);
        Map<String, Long> ids = new LinkedHashMap<>();
        while (sm.find()) ids.put(sm.group(2), Long.parseLong(sm.group(1)));
        String offices = anon.get("/api/v1/kropyvnytskyi/cnap/offices").body();
        Matcher om = Pattern.compile("\"id\":(\\d+),\"nameUk\":\"ЦНАП «Прозорий офіс»").matcher(offices);
        long centre = om.find() ? Long.parseLong(om.group(1)) : -1;
        System.out.printf("catalogue: %d benchmark services, centre office %d%n", ids.size(), centre);

        // 2. Free-slot lookup latency: the whole 21-day horizon of one service at the centre (6 windows), random services.
        List<Long> serviceIds = new ArrayList<>(ids.values());
        serviceIds.remove(ids.get("BENCH-HOT"));
        for (String mode : List.of("horizon", "day")) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long[] lat = new long[lookups];
            AtomicInteger k = new AtomicInteger();
            AtomicInteger bad = new AtomicInteger();
            List<Future<?>> runs = new ArrayList<>();
            String day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Kyiv")).plusDays(3).toString();
            long t0 = System.nanoTime();
            for (int i = 0; i < lookups; i++) {
                long sid = serviceIds.get((i * 31) % serviceIds.size());
                runs.add(pool.submit(() -> {
                    BenchClient c = new BenchClient();
                    long s = System.nanoTime();
                    HttpResponse<String> r = c.get("/api/v1/kropyvnytskyi/cnap/slots?service=" + sid + "&office=" + centre
                            + (mode.equals("day") ? "&date=" + day : ""));
                    lat[k.getAndIncrement()] = System.nanoTime() - s;
                    if (r.statusCode() != 200) bad.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get();
            double secs = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            Arrays.sort(lat);
            System.out.printf("slots %-7s %d lookups, 16 client threads: %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d non-200%n",
                    mode + ":", lookups, lookups / secs, lat[lookups / 2] / 1e6, lat[(int) (lookups * 0.95)] / 1e6,
                    lat[(int) (lookups * 0.99)] / 1e6, bad.get());
        }

        // 3. Contention: PERSONS distinct people, each signed in with their own session, try at once for 10 slots of one window.
        long hot = ids.get("BENCH-HOT");
        String slotsBody = anon.get("/api/v1/kropyvnytskyi/cnap/slots?service=" + hot + "&office=" + centre).body();
        Matcher tm = Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\dT[^\"]+Z)\"").matcher(slotsBody);
        List<String> free = new ArrayList<>();
        while (tm.find()) free.add(tm.group(1));
        List<String> ten = free.subList(Math.min(40, free.size() - 10), Math.min(40, free.size() - 10) + 10);
        long t1 = System.nanoTime();
        ExecutorService signIns = Executors.newFixedThreadPool(16);
        List<Future<BenchClient>> ready = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            int n = i;
            ready.add(signIns.submit(() -> {
                BenchClient c = new BenchClient();
                c.signInAsPerson(n, "Відвідувач", '6');
                c.get("/kropyvnytskyi/cnap/book?service=" + hot + "&office=" + centre);
                return c;
            }));
        }
        List<BenchClient> clients = new ArrayList<>();
        for (Future<BenchClient> f : ready) clients.add(f.get());
        signIns.shutdown();
        System.out.printf("sign-ins:  %d people signed in through the demo ID.GOV.UA in %.1f s%n", persons, (System.nanoTime() - t1) / 1e9);

        ExecutorService bookers = Executors.newFixedThreadPool(threads);
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[persons];
        AtomicInteger idx = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients.size(); i++) {
            BenchClient c = clients.get(i);
            String at = ten.get(i % 10);
            runs.add(bookers.submit(() -> {
                long s = System.nanoTime();
                try {
                    HttpResponse<String> r = c.post("/kropyvnytskyi/cnap/bookings", Map.of("service", String.valueOf(hot),
                            "office", String.valueOf(centre), "start", at));
                    String to = r.headers().firstValue("location").orElse("");
                    if (r.statusCode() >= 500) {
                        errors.incrementAndGet();
                    } else if (r.statusCode() == 302 && to.matches(".*/cnap/bookings/[2-9A-Z]{8}$")) {
                        booked.incrementAndGet();
                    } else if (r.statusCode() == 302 && to.contains("/cnap/book?")) {
                        taken.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies[idx.getAndIncrement()] = System.nanoTime() - s;
                return null;
            }));
        }
        for (Future<?> f : runs) f.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        bookers.shutdown();
        Arrays.sort(latencies);
        String after = anon.get("/api/v1/kropyvnytskyi/cnap/slots?service=" + hot + "&office=" + centre).body();
        long stillFree = ten.stream().filter(after::contains).count();
        System.out.printf("booking:   %d attempts at 10 slots of one window, %d client threads: %d booked, %d told the slot is gone, "
                + "%d other, %d errors (5xx) in %.2f s%n", persons, threads, booked.get(), taken.get(), other.get(), errors.get(), seconds);
        System.out.printf("latency:   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", latencies[persons / 2] / 1e6,
                latencies[(int) (persons * 0.95)] / 1e6, latencies[(int) (persons * 0.99)] / 1e6);
        System.out.printf("slots:     %d of the 10 still listed as free afterwards (expected 0)%n", stillFree);
        if (booked.get() != 10 || errors.get() > 0 || stillFree != 0) {
            System.exit(1);
        }
    }
}
