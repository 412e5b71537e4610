package ua.viche.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.notifications.domain.DeliveryWorker;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.Setting;

/**
 * A local stand-in for Telegram's Bot API and Viber's REST bot API on a free port: it answers
 * {@code POST /bot<token>/sendMessage}, {@code POST /bot<token>/answerCallbackQuery} and
 * {@code POST /pa/send_message} (checking Viber's {@code X-Viber-Auth-Token}) in their documented
 * JSON, and records every message it received with the moment and every button press acknowledged.
 * Chats listed as {@link #busy} get one 429 with {@code retry_after} first; chats listed as
 * {@link #blocked} get Telegram's 403; presses listed as {@link #staleCallbacks} get a 400. Photos
 * people send are served from {@link #files} as Telegram's {@code getFile} and file download, or as
 * a Viber media URL.
 */
public final class FakeProviders implements AutoCloseable {

    /** A message a provider received. */
    public record Received(String provider, String token, String to, String text, JsonNode body, long nanos) {}

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final Set<String> busy = ConcurrentHashMap.newKeySet();
    public final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    /** The ids of the button presses acknowledged with {@code answerCallbackQuery}, in order, refused ones included. */
    public final List<String> answered = new CopyOnWriteArrayList<>();
    /** Button presses Telegram no longer knows: their {@code answerCallbackQuery} gets a 400. */
    public final Set<String> staleCallbacks = ConcurrentHashMap.newKeySet();
    /** Files people "sent": Telegram's file id (served by {@code getFile} and {@code /file/bot<token>/<path>}) or a Viber media name ({@code /media/<name>}). */
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public FakeProviders() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    /** A fake started, for a test class's {@code @AutoClose static final} field. */
    public static FakeProviders start() {
        try {
            return new FakeProviders();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("GET")) {
                String name = path.startsWith("/file/bot") ? path.substring(path.lastIndexOf('/') + 1)
                        : path.startsWith("/media/") ? path.substring("/media/".length()) : "";
                byte[] file = files.get(name);
                if (file == null) {
                    answer(exchange, 404, "{}");
                } else {
                    exchange.sendResponseHeaders(200, file.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(file);
                    }
                }
                return;
            }
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            if (path.startsWith("/bot") && path.endsWith("/getFile")) {
                String id = body.path("file_id").asString("");
                answer(exchange, 200, files.containsKey(id) ? "{\"ok\":true,\"result\":{\"file_id\":\"" + id + "\",\"file_size\":"
                        + files.get(id).length + ",\"file_path\":\"photos/" + id + "\"}}"
                        : "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}");
                return;
            }
            if (path.startsWith("/bot") && path.endsWith("/answerCallbackQuery")) {
                String id = body.path("callback_query_id").asString("");
                answered.add(id);
                answer(exchange, staleCallbacks.contains(id) ? 400 : 200, staleCallbacks.contains(id)
                        ? "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: query is too old and response timeout expired"
                                + " or query ID is invalid\"}"
                        : "{\"ok\":true,\"result\":true}");
                return;
            }
            long now = System.nanoTime();
            if (path.startsWith("/bot") && path.endsWith("/sendMessage")) {
                String token = path.substring(4, path.length() - "/sendMessage".length());
                String chat = body.path("chat_id").asString("");
                if (blocked.contains(chat)) {
                    answer(exchange, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
                    return;
                }
                if (busy.contains(chat) && refusedOnce.add("t" + chat)) {
                    answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                            + "\"parameters\":{\"retry_after\":1}}");
                    return;
                }
                received.add(new Received("telegram", token, chat, body.path("text").asString(""), body, now));
                answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + ids.incrementAndGet() + ",\"chat\":{\"id\":"
                        + json.writeValueAsString(body.path("chat_id")) + "},\"date\":" + (System.currentTimeMillis() / 1000)
                        + ",\"text\":\"…\"}}");
            } else if (path.equals("/pa/send_message")) {
                String token = exchange.getRequestHeaders().getFirst("X-Viber-Auth-Token");
                String receiver = body.path("receiver").asString("");
                if (token == null || token.isEmpty()) {
                    answer(exchange, 200, "{\"status\":2,\"status_message\":\"invalidAuthToken\"}");
                    return;
                }
                if (busy.contains(receiver) && refusedOnce.add("v" + receiver)) {
                    answer(exchange, 200, "{\"status\":12,\"status_message\":\"tooManyRequests\"}");
                    return;
                }
                received.add(new Received("viber", token, receiver, body.path("text").asString(""), body, now));
                answer(exchange, 200, "{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + ids.incrementAndGet()
                        + ",\"chat_hostname\":\"SN-CHAT-01\"}");
            } else {
                answer(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public List<Received> to(String provider, String address) {
        List<Received> found = new ArrayList<>();
        for (Received r : received) {
            if (r.provider().equals(provider) && r.to().equals(address)) {
                found.add(r);
            }
        }
        return found;
    }

    /** The most messages received by one provider with one token within any one second. */
    public int busiestSecond(String provider, String token) {
        List<Long> times = received.stream().filter(r -> r.provider().equals(provider) && r.token().equals(token))
                .map(Received::nanos).sorted().toList();
        int best = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= 1_000_000_000L) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    /**
     * Sends what is due and waits until nothing due is queued or in flight: the scheduled worker may
     * hold a row in a provider call while the test's own drain finds nothing left to claim.
     */
    public static void settle(JdbcTemplate jdbc, DeliveryWorker worker) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            worker.drain();
            Integer left = jdbc.queryForObject("select count(*) from notify_delivery where status in ('QUEUED', 'SENDING')"
                    + " and not_before <= now()", Integer.class);
            if (left == null || left == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /**
     * Points a community's Telegram and Viber at this fake: bot {@code viche_<p>_bot}, tokens {@code tg-<p>} and
     * {@code vb-<p>}, webhook secret {@code secret-<p>}, Viber URI {@code viche<p>}. {@link #restore} undoes it.
     */
    public Community serve(Communities communities, String slug, String p) {
        long id = communities.bySlug(slug).orElseThrow().id();
        communities.putSetting(id, NotificationsModule.TELEGRAM_BOT, "viche_" + p + "_bot");
        communities.putSetting(id, NotificationsModule.TELEGRAM_TOKEN, "tg-" + p);
        communities.putSetting(id, NotificationsModule.TELEGRAM_SECRET, "secret-" + p);
        communities.putSetting(id, NotificationsModule.TELEGRAM_URL, baseUrl());
        communities.putSetting(id, NotificationsModule.VIBER_URI, "viche" + p);
        communities.putSetting(id, NotificationsModule.VIBER_TOKEN, "vb-" + p);
        return communities.putSetting(id, NotificationsModule.VIBER_URL, baseUrl());
    }

    /** Puts the notifications settings of the communities back to their defaults. */
    public static void restore(Communities communities, String... slugs) {
        for (String slug : slugs) {
            long id = communities.bySlug(slug).orElseThrow().id();
            for (Setting<?> s : new NotificationsModule().settings()) {
                communities.putSetting(id, s.key(), byDefault(s));
            }
        }
    }

    private static <T> String byDefault(Setting<T> setting) {
        return setting.format(setting.defaultValue());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
