package ua.viche.notifications.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.viche.notifications.domain.LinkKey;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;

/**
 * The unsubscribe link every message carries: a signed token naming the subscriber, no sign-in.
 * Opening it shows one button (a link preview or a mail scanner that opens the link changes
 * nothing); pressing it stops every message of this community to the person.
 */
@Controller
class UnsubscribeController {

    private final Subscriptions subscriptions;
    private final LinkKey keys;

    UnsubscribeController(Subscriptions subscriptions, LinkKey keys) {
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    @GetMapping("/{community}/notifications/unsubscribe")
    String page(@PathVariable("community") String slug, @RequestParam(name = "t", defaultValue = "") String token, Model model) {
        subscriber(token);
        model.addAttribute("token", token);
        return "notifications/unsubscribe";
    }

    @PostMapping("/{community}/notifications/unsubscribe")
    String unsubscribe(@PathVariable("community") String slug, @RequestParam(name = "t", defaultValue = "") String token, Model model) {
        Subscriber s = subscriber(token);
        subscriptions.unsubscribe(s.id());
        model.addAttribute("done", true);
        model.addAttribute("token", token);
        return "notifications/unsubscribe";
    }

    /** The subscriber the token names, of this community; else 404. */
    private Subscriber subscriber(String token) {
        long community = CurrentCommunity.require().id();
        return keys.verify(token).flatMap(subscriptions::byId).filter(s -> s.communityId() == community)
                .orElseThrow(() -> new NotFoundException("notifications.unsubscribe.unknown"));
    }
}
