package ua.viche.notifications.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;

/**
 * Notifications' personal data. Export: the person's subscription in each community (topics) and
 * the messengers linked there. When the account is deleted: the subscriptions go, and with them the
 * linked chats, unused codes and every message queued or sent to the person (their addresses and
 * texts). Alerts an official composed or confirmed stay, without
 * their name. Runs in the deletion's transaction.
 */
@Component
class NotificationsPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;

    NotificationsPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select community_id, topics, created_at from notify_subscriber where person_id = ? order by id", rs -> {
            String name = communities.byId(rs.getLong(1)).map(c -> c.name(locale)).orElse("");
            String topics = Subscriptions.topics(rs.getString(2)).stream()
                    .map(t -> messages.getMessage("notifications.topic." + t.name(), null, locale)).collect(Collectors.joining(", "));
            items.add(new Item("notifications.subscription", messages.getMessage("notifications.activity.subscription",
                    new Object[] {name, topics.isEmpty() ? "—" : topics}, locale), rs.getTimestamp(3).toInstant(), "/account/notifications"));
        }, person.personId());
        jdbc.query("select l.community_id, l.channel, l.linked_at from notify_link l join notify_subscriber s on s.id = l.subscriber_id"
                + " where s.person_id = ? order by l.id", rs -> {
                    String name = communities.byId(rs.getLong(1)).map(c -> c.name(locale)).orElse("");
                    items.add(new Item("notifications.messenger", messages.getMessage("notifications.activity.link",
                            new Object[] {name, messages.getMessage("notifications.channel." + rs.getString(2), null, locale)}, locale),
                            rs.getTimestamp(3).toInstant(), "/account/notifications"));
                }, person.personId());
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("delete from notify_subscriber where person_id = ?", event.personId());
        // an official who composed or confirmed an alert: the alert stays, without their name
        jdbc.update("update notify_alert set created_by_account_id = null, created_by_name = '—' where created_by_account_id = ?",
                event.accountId());
        jdbc.update("update notify_alert set confirmed_by_account_id = null, confirmed_by_name = '—' where confirmed_by_account_id = ?",
                event.accountId());
        return Erasure.complete();
    }
}
