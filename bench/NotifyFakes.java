// Fake Telegram Bot API and Viber REST bot API for bench/notify.sh (JDK only: com.sun.net.httpserver),
// speaking the JSON the platform's channels call, as the tests' FakeProviders does:
//   POST /bot<token>/sendMessage    Telegram; a wrong token gets 401 {"ok":false,...}
//   POST /pa/send_message           Viber; header X-Viber-Auth-Token, a wrong one gets {"status":2,...}
// It counts every message per provider and recipient (chat_id / receiver) with the language of the
// benchmark's alert text it carried (the marker "bench-uk" or "bench-en"), the moment of the first
// and the last, and the busiest second; messages without a marker count as "other".
//   GET /stats        "key value" lines (see stats())
//   GET /recipients   "provider<TAB>address<TAB>messages<TAB>languages" lines, one per recipient
// Usage: java NotifyFakes PORT TELEGRAM_TOKEN VIBER_TOKEN [ANSWER_MS]  (ANSWER_MS: a pause before each answer)
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class NotifyFakes {

    static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");
    static final Pattern RECEIVER = Pattern.compile("\"receiver\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Messages of one provider to one recipient, and the languages they were in. */
    static final class Recipient {
        final AtomicInteger messages = new AtomicInteger();
        final Languages languages = new Languages();
    }

    /** The language codes seen, sorted. */
    static final class Languages {
        private final TreeSet<String> items = new TreeSet<>();
        synchronized void add(String s) { items.add(s); }
        @Override public synchronized String toString() { return String.join(",", items); }
    }

    /** One provider's counts: per recipient, and every moment (ms) a marked message arrived. */
    static final class Provider {
        final Map<String, Recipient> recipients = new ConcurrentHashMap<>();
        final AtomicInteger messages = new AtomicInteger();
        private long[] times = new long[1024];
        private int size;

        synchronized void at(long ms) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
            }
            times[size++] = ms;
        }

        /** The most marked messages within any 1,000 ms. */
        synchronized int busiestSecond() {
            long[] sorted = Arrays.copyOf(times, size);
            Arrays.sort(sorted);
            int best = 0;
            int from = 0;
            for (int to = 0; to < sorted.length; to++) {
                while (sorted[to] - sorted[from] >= 1000) {
                    from++;
                }
                best = Math.max(best, to - from + 1);
            }
            return best;
        }

        int doubled() {
            int n = 0;
            for (Recipient r : recipients.values()) {
                if (r.messages.get() > 1) {
                    n++;
                }
            }
            return n;
        }
    }

    static final Provider TELEGRAM = new Provider();
    static final Provider VIBER = new Provider();
    static final AtomicLong FIRST = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong LAST = new AtomicLong();
    static final AtomicInteger OTHER = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final AtomicInteger IDS = new AtomicInteger();

    static String telegramToken;
    static String viberToken;
    static int answerMs;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        telegramToken = args[1];
        viberToken = args[2];
        answerMs = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        server.createContext("/", NotifyFakes::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        System.out.println("fake Telegram and Viber on http://127.0.0.1:" + port);
    }

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                if (path.equals("/stats")) {
                    answer(exchange, 200, "text/plain", stats());
                } else if (path.equals("/recipients")) {
                    answer(exchange, 200, "text/plain", recipients());
                } else {
                    answer(exchange, 404, "application/json", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                }
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.currentTimeMillis();
            if (answerMs > 0) {
                try {
                    Thread.sleep(answerMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (path.startsWith("/bot") && path.endsWith("/sendMessage")) {
                String token = path.substring(4, path.length() - "/sendMessage".length());
                Matcher chat = CHAT_ID.matcher(body);
                if (!token.equals(telegramToken)) {
                    REFUSED.incrementAndGet();
                    answer(exchange, 401, "application/json", "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                    return;
                }
                if (!chat.find()) {
                    answer(exchange, 400, "application/json", "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat_id is empty\"}");
                    return;
                }
                String id = chat.group(1) != null ? chat.group(1) : chat.group(2);
                count(TELEGRAM, id, body, now);
                answer(exchange, 200, "application/json", "{\"ok\":true,\"result\":{\"message_id\":" + IDS.incrementAndGet()
                        + ",\"chat\":{\"id\":" + (chat.group(2) != null ? id : "\"" + id + "\"") + "},\"date\":" + now / 1000
                        + ",\"text\":\"…\"}}");
            } else if (path.equals("/pa/send_message")) {
                String token = exchange.getRequestHeaders().getFirst("X-Viber-Auth-Token");
                Matcher receiver = RECEIVER.matcher(body);
                if (!viberToken.equals(token)) {
                    REFUSED.incrementAndGet();
                    answer(exchange, 200, "application/json", "{\"status\":2,\"status_message\":\"invalidAuthToken\"}");
                    return;
                }
                if (!receiver.find()) {
                    answer(exchange, 200, "application/json", "{\"status\":3,\"status_message\":\"badData\"}");
                    return;
                }
                count(VIBER, receiver.group(1), body, now);
                answer(exchange, 200, "application/json", "{\"status\":0,\"status_message\":\"ok\",\"message_token\":"
                        + IDS.incrementAndGet() + ",\"chat_hostname\":\"SN-CHAT-01\"}");
            } else {
                answer(exchange, 404, "application/json", "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
        }
    }

    static void count(Provider provider, String address, String body, long now) {
        String language = body.contains("bench-en") ? "en" : body.contains("bench-uk") ? "uk" : "";
        if (language.isEmpty()) {
            OTHER.incrementAndGet();
            return;
        }
        Recipient r = provider.recipients.computeIfAbsent(address, a -> new Recipient());
        r.messages.incrementAndGet();
        r.languages.add(language);
        provider.messages.incrementAndGet();
        provider.at(now);
        FIRST.accumulateAndGet(now, Math::min);
        LAST.accumulateAndGet(now, Math::max);
    }

    static String stats() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"telegram", "viber"}) {
            Provider p = name.equals("telegram") ? TELEGRAM : VIBER;
            out.append(name).append(".messages ").append(p.messages.get()).append('\n')
                    .append(name).append(".recipients ").append(p.recipients.size()).append('\n')
                    .append(name).append(".doubled ").append(p.doubled()).append('\n')
                    .append(name).append(".busiest_second ").append(p.busiestSecond()).append('\n');
        }
        long first = FIRST.get();
        out.append("first_ms ").append(first == Long.MAX_VALUE ? 0 : first).append('\n')
                .append("last_ms ").append(LAST.get()).append('\n')
                .append("other ").append(OTHER.get()).append('\n')
                .append("refused ").append(REFUSED.get()).append('\n');
        return out.toString();
    }

    static String recipients() {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"telegram", "viber"}) {
            Provider p = name.equals("telegram") ? TELEGRAM : VIBER;
            p.recipients.forEach((address, r) -> out.append(name).append('\t').append(address).append('\t')
                    .append(r.messages.get()).append('\t').append(r.languages).append('\n'));
        }
        return out.toString();
    }

    static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
