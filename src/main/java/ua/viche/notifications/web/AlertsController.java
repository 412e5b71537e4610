package ua.viche.notifications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.domain.AlertKind;
import ua.viche.notifications.domain.Alerts;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.platform.AccessControl;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * Civil-protection alerts: the public list of broadcast alerts and an alert's page with its
 * delivery figures per channel (the page reloads itself while messages are queued, without
 * script: a {@code Refresh} header); officials compose, a second official confirms. JSON twins
 * under {@code /api/v1/{community}/alerts}.
 */
@Controller
class AlertsController {

    private final Alerts alerts;
    private final MessageSource messages;
    private final Clock clock;

    AlertsController(Alerts alerts, MessageSource messages, Clock clock) {
        this.alerts = alerts;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    @GetMapping("/{community}/alerts")
    String list(@PathVariable("community") String slug, Model model) {
        boolean staff = alerts.isStaff();
        model.addAttribute("alerts", alerts.broadcast(100));
        model.addAttribute("drafts", staff ? alerts.drafts() : List.of());
        model.addAttribute("isStaff", staff);
        model.addAttribute("now", clock.instant());
        model.addAttribute("coverage", alerts.coverage(CurrentCommunity.require(), clock.instant()));
        return "notifications/alerts";
    }

    @GetMapping("/{community}/alerts/new")
    String form(@PathVariable("community") String slug, Model model) {
        requireStaff();
        model.addAttribute("kinds", AlertKind.values());
        return "notifications/alert-form";
    }

    @PostMapping("/{community}/alerts")
    @Refusal.Back("/{community}/alerts/new")
    String compose(@PathVariable("community") String slug, @RequestParam(name = "kind", defaultValue = "") String kind,
                   @RequestParam(name = "textUk", defaultValue = "") String textUk, @RequestParam(name = "textEn", defaultValue = "") String textEn,
                   @RequestParam(name = "districts", defaultValue = "") String districts,
                   @RequestParam(name = "expiresAt", defaultValue = "") String expiresAt, RedirectAttributes redirect) {
        requireStaff();
        AlertKind k;
        try {
            k = AlertKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw Refusal.field("kind", "notifications.alert.error.kind");
        }
        long id = alerts.compose(k, textUk, textEn, lines(districts), instant(expiresAt));
        redirect.addFlashAttribute("message", "notifications.alert.composed");
        return "redirect:/" + slug + "/alerts/" + id;
    }

    @PostMapping("/{community}/alerts/{id}/confirm")
    @Refusal.Back("/{community}/alerts/{id}")
    String confirm(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        requireStaff();
        alerts.confirm(id);
        redirect.addFlashAttribute("message", "notifications.alert.confirmed");
        return "redirect:/" + slug + "/alerts/" + id;
    }

    @GetMapping("/{community}/alerts/{id}")
    String alert(@PathVariable("community") String slug, @PathVariable("id") long id, Model model, HttpServletResponse response) {
        Alerts.Alert a = alerts.get(id);
        List<Alerts.Figures> figures = alerts.figures(id);
        model.addAttribute("alert", a);
        model.addAttribute("figures", figures);
        model.addAttribute("isStaff", alerts.isStaff());
        model.addAttribute("isAuthor", AccessControl.currentUser().map(u -> a.createdByAccount() != null
                && u.accountId() == a.createdByAccount()).orElse(false));
        model.addAttribute("now", clock.instant());
        if (figures.stream().anyMatch(f -> f.queued() > 0)) {
            response.setHeader("Refresh", "5");
            model.addAttribute("refreshing", true);
        }
        return "notifications/alert";
    }

    @GetMapping(value = "/api/v1/{community}/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> listJson(@PathVariable("community") String slug) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("coveragePercent", alerts.coverage(CurrentCommunity.require(), clock.instant()));
        out.put("alerts", alerts.broadcast(100).stream().map(a -> json(a, null)).toList());
        return out;
    }

    @GetMapping(value = "/api/v1/{community}/alerts/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> alertJson(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Alerts.Alert a = alerts.get(id);
        return json(a, alerts.figures(id));
    }

    private Map<String, Object> json(Alerts.Alert a, @Nullable List<Alerts.Figures> figures) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        m.put("textUk", a.textUk());
        m.put("textEn", a.textEn());
        m.put("districts", List.copyOf(a.districts()));
        m.put("status", a.status().toLowerCase(Locale.ROOT));
        m.put("broadcastAt", a.confirmedAt() == null ? null : a.confirmedAt().toString());
        m.put("expiresAt", a.expiresAt().toString());
        m.put("active", a.active(clock.instant()));
        m.put("recipients", a.recipients());
        m.put("url", "/" + CurrentCommunity.require().slug() + "/alerts/" + a.id());
        if (figures != null) {
            m.put("deliveries", figures.stream().map(f -> {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("channel", f.channel().name().toLowerCase(Locale.ROOT));
                d.put("queued", f.queued());
                d.put("sent", f.sent());
                d.put("failed", f.failed());
                d.put("uncertain", f.uncertain());
                // only where the channel tells (Viber); null where it cannot be known
                d.put("read", f.channel() == ChannelKind.VIBER ? f.read() : null);
                return d;
            }).toList());
        }
        return m;
    }

    private void requireStaff() {
        AccessControl.requireUser();
        if (!alerts.isStaff()) {
            throw new AccessDeniedException("alerts staff only");
        }
    }

    private static Set<String> lines(String text) {
        Set<String> set = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                set.add(line.strip());
            }
        }
        return set;
    }

    private static @Nullable Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(Subscriber.KYIV).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.field("expiresAt", "notifications.alert.error.expiry");
        }
    }
}
