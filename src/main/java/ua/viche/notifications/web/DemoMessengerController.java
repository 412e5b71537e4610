package ua.viche.notifications.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import ua.viche.notifications.bot.Bot;
import ua.viche.notifications.bot.Incoming;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Channels;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.VicheSettings;

/**
 * The demo messenger (decision 0055): with the demo on, a page that plays a messenger client for
 * the community's bot. What the person types, the button they press, a preset place or the demo
 * photo goes to the same dialogue engine as Telegram's and Viber's webhooks, as the {@code DEMO}
 * channel; the bot's replies and the notifications sent to a linked demo chat are its transcript.
 * One chat per browser (a cookie) and community. Forms and a redirect: no script needed. JSON twin
 * {@code /api/v1/{community}/demo/messenger}.
 */
@Controller
class DemoMessengerController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final String CHAT = "viche_demo_chat";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One line of the transcript: who said it, when, its text as parts (links apart), the buttons offered with it. */
    record Line(long id, boolean outgoing, String text, List<Part> parts, Instant at, List<Button> buttons) {}

    record Part(String text, boolean link) {}

    record Button(String payload, String label) {}

    private final Bot bot;
    private final Channels channels;
    private final JdbcTemplate jdbc;
    private final VicheSettings settings;

    DemoMessengerController(Bot bot, Channels channels, JdbcTemplate jdbc, VicheSettings settings) {
        this.bot = bot;
        this.channels = channels;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @GetMapping("/{community}/demo/messenger")
    String page(@PathVariable("community") String slug, @RequestParam(name = "start", required = false) @Nullable String start,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Community c = demo();
        List<Line> lines = transcript(c, chat(request, response));
        model.addAttribute("lines", lines);
        model.addAttribute("buttons", lines.isEmpty() || !lines.get(lines.size() - 1).outgoing() ? List.of()
                : lines.get(lines.size() - 1).buttons());
        model.addAttribute("start", start == null || !start.matches("[A-Za-z0-9_-]{4,64}") ? null : start);
        model.addAttribute("points", List.of("center", "north", "south"));
        return "notifications/demo-messenger";
    }

    @PostMapping("/{community}/demo/messenger")
    String send(@PathVariable("community") String slug, @RequestParam(name = "text", defaultValue = "") String text,
                @RequestParam(name = "payload", defaultValue = "") String payload,
                @RequestParam(name = "point", defaultValue = "") String point,
                @RequestParam(name = "photo", defaultValue = "false") boolean photo, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Community c = demo();
        String chat = chat(request, response);
        String said = text.strip();
        if (said.length() > 4000) {
            said = said.substring(0, 4000);
        }
        double[] at = point(c, point);
        if (!payload.isEmpty() && payload.length() <= 64) {
            channels.demoSaid(c, chat, "▸ " + payload);
            bot.handle(c, new Incoming(ChannelKind.DEMO, chat, "", payload, null, null, null, locale));
        } else if (at != null) {
            channels.demoSaid(c, chat, "📍 " + String.format(Locale.ROOT, "%.5f, %.5f", at[0], at[1]));
            bot.handle(c, new Incoming(ChannelKind.DEMO, chat, "", null, null, at[0], at[1], locale));
        } else if (photo) {
            channels.demoSaid(c, chat, "🖼 " + Channels.demoPhoto());
            bot.handle(c, new Incoming(ChannelKind.DEMO, chat, "", null, Channels.demoPhoto(), null, null, locale));
        } else if (!said.isEmpty()) {
            channels.demoSaid(c, chat, said);
            bot.handle(c, Incoming.text(ChannelKind.DEMO, chat, said, locale));
        }
        return "redirect:/" + c.slug() + "/demo/messenger#latest";
    }

    @GetMapping(value = "/api/v1/{community}/demo/messenger", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> json(@PathVariable("community") String slug, HttpServletRequest request, HttpServletResponse response) {
        Community c = demo();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Line l : transcript(c, chat(request, response))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", l.outgoing() ? "bot" : "you");
            m.put("text", l.text());
            m.put("at", l.at().toString());
            m.put("buttons", l.buttons().stream().map(b -> Map.of("label", b.label(), "payload", b.payload())).toList());
            all.add(m);
        }
        return all;
    }

    private Community demo() {
        if (!settings.demoEnabled()) {
            throw new NotFoundException("error.404.text");
        }
        return CurrentCommunity.require();
    }

    /**
     * The browser's demo chat: a random id in a cookie, so that it outlives signing in and out as a
     * messenger on a phone outlives the site's session.
     */
    private static String chat(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (cookie.getName().equals(CHAT) && UUID_TEXT.matcher(cookie.getValue()).matches()) {
                return "demo-" + cookie.getValue();
            }
        }
        String made = UUID.randomUUID().toString();
        Cookie cookie = new Cookie(CHAT, made);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(30 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "demo-" + made;
    }

    /** A preset point of the community: its centre, or a quarter of the way to its north-east or south-west corner. */
    private static double @Nullable [] point(Community c, String name) {
        Community.Area a = c.area().orElse(Community.Area.UKRAINE);
        double dLat = (a.maxLat() - a.minLat()) / 4;
        double dLon = (a.maxLon() - a.minLon()) / 4;
        return switch (name) {
            case "center" -> new double[] {a.centerLat(), a.centerLon()};
            case "north" -> new double[] {a.centerLat() + dLat, a.centerLon() + dLon};
            case "south" -> new double[] {a.centerLat() - dLat, a.centerLon() - dLon};
            default -> null;
        };
    }

    private List<Line> transcript(Community c, String chat) {
        List<Line> lines = jdbc.query("select id, outgoing, text, buttons, created_at from notify_demo_message where community_id = ?"
                + " and chat = ? order by id desc limit 100", (rs, n) -> {
                    List<Button> buttons = new ArrayList<>();
                    for (String b : rs.getString(4).split("\n")) {
                        int tab = b.indexOf('\t');
                        if (tab > 0) {
                            buttons.add(new Button(b.substring(0, tab), b.substring(tab + 1)));
                        }
                    }
                    String text = rs.getString(3);
                    return new Line(rs.getLong(1), rs.getBoolean(2), text, parts(text), rs.getTimestamp(5).toInstant(), buttons);
                }, c.id(), chat);
        List<Line> ordered = new ArrayList<>(lines);
        Collections.reverse(ordered);
        return ordered;
    }

    private static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                parts.add(new Part(text.substring(from, m.start()), false));
            }
            parts.add(new Part(m.group(), true));
            from = m.end();
        }
        if (from < text.length()) {
            parts.add(new Part(text.substring(from), false));
        }
        return parts;
    }
}
