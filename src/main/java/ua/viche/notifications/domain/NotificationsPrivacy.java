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
 * Notifications' personal data. Export: the person's subscription in each community (topics), the
 * messengers linked there and the bot's conversations in them. When the account is deleted: the subscriptions go, and with them the
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
        jdbc.query("select b.community_id, b.channel, b.updated_at from notify_bot_chat b" + LINKED_CHATS + " order by b.updated_at", rs -> {
            String name = communities.byId(rs.getLong(1)).map(c -> c.name(locale)).orElse("");
            items.add(new Item("notifications.messenger", messages.getMessage("notifications.activity.botChat",
                    new Object[] {name, messages.getMessage("notifications.channel." + rs.getString(2), null, locale)}, locale),
                    rs.getTimestamp(3).toInstant(), "/account/notifications"));
        }, person.personId());
        return items;
    }

    /** The bot's conversations in the chats linked to the person. */
    private static final String LINKED_CHATS = " join notify_link l on l.community_id = b.community_id and l.channel = b.channel"
            + " and l.address = b.chat join notify_subscriber s on s.id = l.subscriber_id where s.person_id = ?";

    @Override
    public Erasure erase(AccountDeleted event) {
        // the conversations and the demo messenger's transcript of the chats linked to the person, then the links with the subscriptions
        jdbc.update("delete from notify_demo_message m using notify_link l, notify_subscriber s where l.channel = 'DEMO'"
                + " and l.community_id = m.community_id and l.address = m.chat and s.id = l.subscriber_id and s.person_id = ?", event.personId());
        jdbc.update("delete from notify_bot_chat b using notify_link l, notify_subscriber s where l.community_id = b.community_id"
                + " and l.channel = b.channel and l.address = b.chat and s.id = l.subscriber_id and s.person_id = ?", event.personId());
        jdbc.update("delete from notify_subscriber where person_id = ?", event.personId());
        // an official who composed or confirmed an alert: the alert stays, without their name
        jdbc.update("update notify_alert set created_by_account_id = null, created_by_name = '—' where created_by_account_id = ?",
                event.accountId());
        jdbc.update("update notify_alert set confirmed_by_account_id = null, confirmed_by_name = '—' where confirmed_by_account_id = ?",
                event.accountId());
        return Erasure.complete();
    }
}
