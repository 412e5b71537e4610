package ua.viche.civic.domain;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.platform.Mailer;
import ua.viche.platform.Refusal;

/**
 * Tells a person who moved up from a waiting list (an event's, a course group's) by e-mail: a person
 * with an account in the language they chose, someone the operator registered by phone at the
 * address they left, in Ukrainian. Someone with neither is on the operator's list to be called.
 */
@Component
class PromotionNotices {

    private static final Locale UK = Locale.forLanguageTag("uk");

    private final Identity identity;
    private final Mailer mailer;

    PromotionNotices(Identity identity, Mailer mailer) {
        this.identity = identity;
        this.mailer = mailer;
    }

    /** Sends the message {@code key} with the arguments for the recipient's language; returns whether anyone was written to. */
    boolean tell(Seats.Place promoted, String key, Function<Locale, Object[]> args) {
        if (promoted.personId() != null) {
            for (Identity.Contact c : identity.contacts(List.of(promoted.personId()))) {
                Locale locale = "en".equals(c.locale().getLanguage()) ? Locale.ENGLISH : UK;
                mailer.send(c.email(), locale, key, args.apply(locale));
                return true;
            }
            return false;
        }
        if (promoted.email() != null && !promoted.email().isBlank()) {
            mailer.send(promoted.email(), UK, key, args.apply(UK));
            return true;
        }
        return false;
    }

    /** An e-mail address an operator typed for a caller: blank for none; a malformed one is refused on its field. */
    static @Nullable String email(@Nullable String typed) {
        String e = typed == null ? "" : typed.strip();
        if (e.isEmpty()) {
            return null;
        }
        if (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw Refusal.field("email", "civic.error.email");
        }
        return e;
    }
}
