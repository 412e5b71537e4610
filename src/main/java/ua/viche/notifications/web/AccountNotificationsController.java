package ua.viche.notifications.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.identity.Identity;
import ua.viche.notifications.NotificationsModule;
import ua.viche.notifications.channel.ChannelKind;
import ua.viche.notifications.channel.Channels;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.QrSvg;
import ua.viche.platform.Refusal;

/**
 * The signed-in person's notifications, per community: topics, districts, quiet hours, language,
 * e-mail, and the messengers linked by a one-time deep-link code. JSON twin
 * {@code /account/notifications.json}.
 */
@Controller
class AccountNotificationsController {

    private final Subscriptions subscriptions;
    private final Identity identity;
    private final Communities communities;
    private final Channels channels;
    private final MessageSource messages;

    AccountNotificationsController(Subscriptions subscriptions, Identity identity, Communities communities, Channels channels,
                                   MessageSource messages) {
        this.subscriptions = subscriptions;
        this.identity = identity;
        this.communities = communities;
        this.channels = channels;
        this.messages = messages;
    }

    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        if (model.getAttribute("error") instanceof String key) {
            Object[] args = model.getAttribute("errorArgs") instanceof Object[] a ? a : new Object[0];
            model.addAttribute("errorText", messages.getMessage(key, args, key, locale));
        }
    }

    /** A linked or linkable messenger as the page shows it. */
    record MessengerView(ChannelKind channel, boolean configured, boolean linked) {}

    @GetMapping("/account/notifications")
    String page(@RequestParam(name = "community", required = false) @Nullable String slug, Model model) {
        Identity.PersonRef person = person();
        Community community = community(slug);
        Subscriber s = subscriptions.find(community, person.personId()).orElse(null);
        model.addAttribute("communities", communities.all());
        model.addAttribute("chosen", community);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("followed", s == null ? Set.of() : s.topics());
        model.addAttribute("districts", s == null ? "" : String.join("\n", s.districts()));
        model.addAttribute("quietFrom", s == null || s.quietFrom() == null ? "" : s.quietFrom().toString());
        model.addAttribute("quietTo", s == null || s.quietTo() == null ? "" : s.quietTo().toString());
        model.addAttribute("language", s == null ? "uk" : s.language());
        model.addAttribute("emailOn", s != null && s.email() != null);
        model.addAttribute("accountEmail", person.email());
        List<MessengerView> messengers = new ArrayList<>();
        for (ChannelKind kind : List.of(ChannelKind.TELEGRAM, ChannelKind.VIBER, ChannelKind.DEMO)) {
            if (kind == ChannelKind.DEMO && !channels.get(kind).configured(community)) {
                continue; // the demo messenger exists only with the demo on
            }
            messengers.add(new MessengerView(kind, channels.get(kind).configured(community), s != null && s.links().containsKey(kind)));
        }
        model.addAttribute("messengers", messengers);
        if (model.getAttribute("code") instanceof String code && model.getAttribute("codeChannel") instanceof String channel) {
            String link = deepLink(community, ChannelKind.valueOf(channel), code);
            model.addAttribute("deepLink", link);
            model.addAttribute("deepLinkQr", QrSvg.of(link, messages.getMessage("notifications.link.qr", null, Locale.forLanguageTag("uk")), 200));
            model.addAttribute("codeMinutes", NotificationsModule.CODE_MINUTES.value(community));
        }
        return "notifications/account";
    }

    @PostMapping("/account/notifications")
    String save(@RequestParam("community") String slug, @RequestParam(name = "topics", required = false) @Nullable List<String> topics,
                @RequestParam(name = "districts", defaultValue = "") String districts,
                @RequestParam(name = "quietFrom", defaultValue = "") String quietFrom,
                @RequestParam(name = "quietTo", defaultValue = "") String quietTo,
                @RequestParam(name = "language", defaultValue = "uk") String language,
                @RequestParam(name = "email", defaultValue = "false") boolean email, RedirectAttributes redirect) {
        Identity.PersonRef person = person();
        Community community = community(slug);
        Set<Topic> chosen = EnumSet.noneOf(Topic.class);
        for (String t : topics == null ? List.<String>of() : topics) {
            try {
                chosen.add(Topic.valueOf(t));
            } catch (IllegalArgumentException e) {
                throw Refusal.field("topics", "notifications.error.topic");
            }
        }
        subscriptions.save(community, person.personId(), new Subscriptions.Preferences(chosen, lines(districts),
                time(quietFrom, "quietFrom"), time(quietTo, "quietTo"), language, email), person.email());
        redirect.addFlashAttribute("message", "notifications.saved");
        return "redirect:/account/notifications?community=" + community.slug();
    }

    @PostMapping("/account/notifications/link")
    String link(@RequestParam("community") String slug, @RequestParam("channel") String channel, RedirectAttributes redirect) {
        Identity.PersonRef person = person();
        Community community = community(slug);
        ChannelKind kind = messenger(channel);
        if (!channels.get(kind).configured(community)) {
            throw Refusal.of("notifications.error.channelOff");
        }
        redirect.addFlashAttribute("code", subscriptions.newCode(community, person.personId(), kind));
        redirect.addFlashAttribute("codeChannel", kind.name());
        return "redirect:/account/notifications?community=" + community.slug();
    }

    @PostMapping("/account/notifications/unlink")
    String unlink(@RequestParam("community") String slug, @RequestParam("channel") String channel, RedirectAttributes redirect) {
        Identity.PersonRef person = person();
        Community community = community(slug);
        subscriptions.unlink(community, person.personId(), messenger(channel));
        redirect.addFlashAttribute("message", "notifications.unlinked");
        return "redirect:/account/notifications?community=" + community.slug();
    }

    @GetMapping(value = "/account/notifications.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Map<String, Object>> json() {
        Identity.PersonRef person = person();
        List<Map<String, Object>> all = new ArrayList<>();
        for (Community c : communities.all()) {
            subscriptions.find(c, person.personId()).ifPresent(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("community", c.slug());
                m.put("topics", s.topics().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).toList());
                m.put("districts", List.copyOf(s.districts()));
                m.put("quietFrom", s.quietFrom() == null ? null : s.quietFrom().toString());
                m.put("quietTo", s.quietTo() == null ? null : s.quietTo().toString());
                m.put("language", s.language());
                m.put("email", s.email() != null);
                m.put("messengers", s.links().keySet().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted().toList());
                all.add(m);
            });
        }
        return all;
    }

    static String deepLink(Community community, ChannelKind kind, String code) {
        return switch (kind) {
            case TELEGRAM -> "https://t.me/" + NotificationsModule.TELEGRAM_BOT.value(community) + "?start=" + code;
            case VIBER -> UriComponentsBuilder.fromUriString("viber://pa").queryParam("chatURI", NotificationsModule.VIBER_URI.value(community))
                    .queryParam("context", code).encode().build().toUriString();
            case DEMO -> "/" + community.slug() + "/demo/messenger?start=" + code;
            case EMAIL -> throw new IllegalArgumentException("e-mail has no deep link");
        };
    }

    private Identity.PersonRef person() {
        AccessControl.requireUser();
        return identity.currentPerson().orElseThrow(() -> new NotFoundException("error.404.text"));
    }

    private Community community(@Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            return communities.all().stream().findFirst().orElseThrow(() -> new NotFoundException("error.community.notFound"));
        }
        return communities.bySlug(slug.strip()).orElseThrow(() -> Refusal.badInput("notifications.error.community"));
    }

    private static ChannelKind messenger(String channel) {
        try {
            ChannelKind kind = ChannelKind.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            if (kind != ChannelKind.EMAIL) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw Refusal.badInput("notifications.error.channel");
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

    private static @Nullable LocalTime time(String text, String field) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field(field, "notifications.error.time");
        }
    }
}
