package ua.viche.notifications.bot;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.notifications.domain.Subscriber;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * The bot acting for the person a chat is linked to: in the community, as if their account were
 * signed in on the site, so each module applies its own checks (eligibility, limits, the area).
 * The chat was linked by a code the signed-in person asked for; nothing signs in inside the chat.
 */
@Component
class Acting {

    private final Identity identity;

    Acting(Identity identity) {
        this.identity = identity;
    }

    <T> T as(Community community, Subscriber subscriber, Supplier<T> work) {
        List<Identity.Contact> contacts = identity.contacts(List.of(subscriber.personId()));
        if (contacts.isEmpty()) {
            throw Refusal.of("notifications.bot.noAccount");
        }
        return identity.callAs(contacts.get(0).email(), () -> CurrentCommunity.callAs(community, work));
    }
}
