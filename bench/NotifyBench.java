// A civil-protection alert broadcast over HTTP (bench/notify.sh), in two steps:
//   start   the community admin points Kropyvnytskyi's Telegram and Viber at the fake providers
//           (bench/NotifyFakes.java) with a given rate through the settings page; the demo official
//           composes an alert for the whole community and the demo admin confirms it (four eyes);
//           prints the time the confirmation took (it queues every recipient) and writes the alert's
//           id and the moment the confirmation was sent into STATE_DIR
//   follow  reads the alert's API figures and the fakes' counts every second until nothing is queued;
//           prints the time to the first and to the last delivery (from the confirmation), messages
//           per second, and per channel the API's figures next to what the fakes received (none lost,
//           none doubled). With "killed" (the application was killed and started again in between),
//           a message in flight at the kill may have reached its recipient and be counted uncertain.
// Exits with 3 when the figures and the fakes' counts differ, 2 on a timeout.
//
// Usage: java NotifyBench BASE FAKES_URL RATE TIMEOUT_SECONDS STATE_DIR start|follow [killed]
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class NotifyBench {

    static final String COMMUNITY = "kropyvnytskyi";
    static final Pattern DELIVERY = Pattern.compile("\\{[^{}]*\"channel\"\\s*:\\s*\"(\\w+)\"[^{}]*}");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    static final Pattern RECIPIENTS = Pattern.compile("\"recipients\"\\s*:\\s*(\\d+)");

    /** An alert's deliveries on one channel as its API gives them. */
    record Figures(int queued, int sent, int failed, int uncertain) {}

    public static void main(String[] args) throws Exception {
        BenchClient.base = args[0];
        String fakes = args[1];
        int rate = Integer.parseInt(args[2]);
        int timeout = Integer.parseInt(args[3]);
        Path state = Path.of(args[4]);
        if (args[5].equals("start")) {
            start(fakes, rate, state);
        } else {
            follow(fakes, rate, timeout, state, args.length > 6 && args[6].equals("killed"));
        }
    }

    static void start(String fakes, int rate, Path state) throws Exception {
        // the channels: Telegram and Viber at the fakes, at the given rate (the community admin's settings page)
        BenchClient admin = new BenchClient();
        admin.signInWithPassword("admin@" + COMMUNITY + ".demo");
        admin.get("/" + COMMUNITY + "/admin/settings");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("notifications.telegramBot", "viche_bench_bot");
        settings.put("notifications.telegramToken", "tg-bench");
        settings.put("notifications.telegramSecret", "secret-bench");
        settings.put("notifications.telegramUrl", fakes);
        settings.put("notifications.telegramRate", String.valueOf(rate));
        settings.put("notifications.viberUri", "vichebench");
        settings.put("notifications.viberToken", "vb-bench");
        settings.put("notifications.viberUrl", fakes);
        settings.put("notifications.viberRate", String.valueOf(rate));
        HttpResponse<String> saved = admin.post("/" + COMMUNITY + "/admin/settings", settings);
        if (saved.statusCode() != 302) {
            throw new IllegalStateException("the settings were refused: HTTP " + saved.statusCode());
        }
        System.out.printf(Locale.ROOT, "channels: Telegram and Viber at %s, %d messages/s each (settings page)%n", fakes, rate);

        // an official composes the alert ...
        BenchClient official = new BenchClient();
        official.signInWithPassword("official@" + COMMUNITY + ".demo");
        official.get("/" + COMMUNITY + "/alerts/new");
        String expires = LocalDateTime.now(ZoneId.of("Europe/Kyiv")).plusHours(3).truncatedTo(ChronoUnit.MINUTES).toString();
        HttpResponse<String> composed = official.post("/" + COMMUNITY + "/alerts", Map.of("kind", "OTHER",
                "textUk", "Навчальне сповіщення: перевірка розсилки (bench-uk). Дій не потрібно.",
                "textEn", "Drill notice: a broadcast check (bench-en). No action needed.",
                "districts", "", "expiresAt", expires));
        String page = official.location(composed);
        page = page.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
        if (!page.matches("/" + COMMUNITY + "/alerts/\\d+")) {
            throw new IllegalStateException("composing the alert failed: redirected to " + page);
        }
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        Files.writeString(state.resolve("alert-id"), id + "\n");
        String api = "/api/v1/" + COMMUNITY + "/alerts/" + id;

        // ... and a second one (the admin) confirms it: the confirmation queues every recipient
        admin.get(page);
        admin.timeout = Duration.ofMinutes(30);
        long t0 = System.currentTimeMillis();
        HttpResponse<String> confirmed = admin.post(page + "/confirm", Map.of());
        long queuedAt = System.currentTimeMillis();
        Files.writeString(state.resolve("confirmed-ms"), t0 + "\n");
        if (confirmed.statusCode() != 302) {
            throw new IllegalStateException("confirming the alert failed: HTTP " + confirmed.statusCode());
        }
        BenchClient watcher = new BenchClient();
        String json = body(watcher, api);
        if (!"broadcast".equals(first(STATUS, json))) {
            throw new IllegalStateException("the alert was not broadcast (" + first(STATUS, json) + "): " + admin.get(page).statusCode());
        }
        System.out.printf(Locale.ROOT, "alert %d composed by official@, confirmed by admin@ (four eyes); %s recipients;"
                + " the confirmation (queueing every message) took %.2f s%n", id, first(RECIPIENTS, json), (queuedAt - t0) / 1000.0);
    }

    static void follow(String fakes, int rate, int timeout, Path state, boolean killed) throws Exception {
        long id = Long.parseLong(Files.readString(state.resolve("alert-id")).strip());
        long t0 = Long.parseLong(Files.readString(state.resolve("confirmed-ms")).strip());
        String api = "/api/v1/" + COMMUNITY + "/alerts/" + id;
        BenchClient watcher = new BenchClient();
        String json = body(watcher, api);

        // every second: the API's figures and the fakes' counts, until nothing is queued
        long deadline = t0 + timeout * 1000L;
        long nextLine = 0;
        Map<String, Figures> figures;
        Map<String, Long> fake;
        while (true) {
            figures = figures(json);
            fake = stats(watcher, fakes);
            long now = System.currentTimeMillis();
            int queued = figures.values().stream().mapToInt(Figures::queued).sum();
            int done = figures.values().stream().mapToInt(f -> f.sent() + f.failed() + f.uncertain()).sum();
            if (now >= nextLine || queued == 0) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  +%6.1f s  API:", (now - t0) / 1000.0));
                figures.forEach((channel, f) -> line.append(String.format(Locale.ROOT, " %s %d sent/%d queued", channel, f.sent(), f.queued())));
                line.append(String.format(Locale.ROOT, "  | fakes: telegram %d, viber %d", fake.get("telegram.messages"), fake.get("viber.messages")));
                System.out.println(line);
                nextLine = now + 10_000;
            }
            if (queued == 0 && done > 0) {
                break;
            }
            if (now > deadline) {
                System.out.printf(Locale.ROOT, "TIMEOUT: %d messages still queued %d s after the confirmation%n", queued, timeout);
                System.exit(2);
            }
            Thread.sleep(1000);
            json = body(watcher, api);
        }
        Thread.sleep(1500); // past the public pages' one-second micro-cache
        figures = figures(body(watcher, api));
        fake = stats(watcher, fakes);

        long messages = fake.get("telegram.messages") + fake.get("viber.messages");
        long first = fake.get("first_ms");
        long last = fake.get("last_ms");
        System.out.println();
        System.out.println("channel    API: queued     sent   failed uncertain | fakes: messages recipients doubled busiest-second");
        boolean ok = true;
        for (Map.Entry<String, Figures> e : figures.entrySet()) {
            Figures f = e.getValue();
            String channel = e.getKey();
            boolean provider = channel.equals("telegram") || channel.equals("viber");
            String fakeText = provider ? String.format(Locale.ROOT, "%15d %10d %7d %14d", fake.get(channel + ".messages"),
                    fake.get(channel + ".recipients"), fake.get(channel + ".doubled"), fake.get(channel + ".busiest_second"))
                    : "  (the outbox: the demo's subscribers by e-mail)";
            System.out.printf(Locale.ROOT, "%-10s %11d %8d %8d %9d |%s%n", channel, f.queued(), f.sent(), f.failed(), f.uncertain(), fakeText);
            if (provider) {
                long received = fake.get(channel + ".messages");
                // after a kill, a message in flight may have reached the fake before its row was marked sent: it is uncertain
                boolean same = f.queued() == 0 && f.failed() == 0 && received == fake.get(channel + ".recipients")
                        && fake.get(channel + ".doubled") == 0 && (killed ? f.sent() <= received && received <= f.sent() + f.uncertain()
                        : f.uncertain() == 0 && f.sent() == received);
                ok &= same;
                System.out.printf(Locale.ROOT, "  %s: %s%n", channel, !same ? "MISMATCH (lost, failed, uncertain or doubled)"
                        : f.uncertain() == 0 ? "every message sent, as many as the fake received, each recipient once"
                        : "each recipient at most once; " + (received - f.sent()) + " of the " + f.uncertain()
                                + " uncertain (in flight at the kill) had reached the fake, the rest had not");
                // the pacer spaces the calls exactly; the fake's clock sees them with the network's jitter (as the tests allow)
                if (fake.get(channel + ".busiest_second") > rate + rate / 20 + 1) {
                    System.out.printf(Locale.ROOT, "  %s: OVER the rate limit: %d messages within one second (limit %d)%n", channel,
                            fake.get(channel + ".busiest_second"), rate);
                    ok = false;
                }
            }
        }
        for (String p : new String[] {"telegram", "viber"}) {
            if (!figures.containsKey(p)) {
                System.out.printf(Locale.ROOT, "  %s: NO deliveries in the API%n", p);
                ok = false;
            }
        }
        if (fake.get("other") > 0 || fake.get("refused") > 0) {
            System.out.printf(Locale.ROOT, "  the fakes also received %d other messages and refused %d with a wrong token%n",
                    fake.get("other"), fake.get("refused"));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "messages through the fakes: %d (Telegram %d, Viber %d)%n", messages,
                fake.get("telegram.messages"), fake.get("viber.messages"));
        System.out.printf(Locale.ROOT, "confirmation sent to first delivery: %.2f s; to the last delivery: %.2f s%n",
                (first - t0) / 1000.0, (last - t0) / 1000.0);
        System.out.printf(Locale.ROOT, "throughput: %.0f messages/s from the confirmation to the last delivery;"
                + " %.0f messages/s from the first delivery to the last%n", messages * 1000.0 / Math.max(1, last - t0),
                messages * 1000.0 / Math.max(1, last - first));
        if (killed) {
            System.out.println("  (killed in between: the times include the restart and the two minutes before rows claimed at the kill are taken back)");
        }
        System.out.println(ok ? "check: the API's figures equal the fakes' counts, none lost, none doubled"
                : "check: FAILED (see above)");
        System.exit(ok ? 0 : 3);
    }

    static String body(BenchClient client, String path) throws Exception {
        HttpResponse<String> r = client.get(path);
        BenchClient.check(r);
        return r.body();
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    static Map<String, Figures> figures(String json) {
        Map<String, Figures> by = new TreeMap<>();
        Matcher m = DELIVERY.matcher(json);
        while (m.find()) {
            String o = m.group();
            by.put(m.group(1), new Figures(number(o, "queued"), number(o, "sent"), number(o, "failed"), number(o, "uncertain")));
        }
        return by;
    }

    static int number(String object, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(object);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    static Map<String, Long> stats(BenchClient client, String fakes) throws Exception {
        Map<String, Long> stats = new TreeMap<>();
        for (String line : body(client, fakes + "/stats").split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) {
                stats.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return stats;
    }
}
