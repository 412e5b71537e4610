package ua.viche.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.notifications.domain.Subscriptions;
import ua.viche.notifications.domain.Topic;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * A petition's author who follows their petitions is told, in their language, when the moderator
 * publishes it: the petitions module publishes the change, notifications queues the message once.
 */
@IntegrationTest
class NotificationsPetitionEventsTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired Subscriptions subscriptions;
    @Autowired PetitionModeration moderation;
    @Autowired Identity identity;

    @Test
    void theAuthorHearsThatTheirPetitionIsPublished() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        List<Long> waiting = jdbc.queryForList("select id from petition where community_id = ? and status = 'MODERATION' order by id desc",
                Long.class, k.id());
        assertThat(waiting).as("the demo has petitions awaiting moderation").isNotEmpty();
        long id = waiting.get(0);
        long author = jdbc.queryForObject("select author_person_id from petition where id = ?", Long.class, id);
        String title = jdbc.queryForObject("select title from petition where id = ?", String.class, id);
        subscriptions.save(k, author, new Subscriptions.Preferences(Set.of(Topic.OWN_PETITIONS), Set.of(), null, null, "en", true),
                "author-" + id + "@example.org");

        CurrentCommunity.callAs(k, () -> identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.publish(id)));

        String key = "petitions:" + id + ":COLLECTING:%";
        long until = System.currentTimeMillis() + 20_000;
        while (count(key) == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(count(key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select body from notify_delivery where dedupe_key like ?", String.class, key))
                .startsWith("Your petition “" + title + "” is published").contains("/kropyvnytskyi/petitions/");
    }

    private long count(String key) {
        return jdbc.queryForObject("select count(*) from notify_delivery where dedupe_key like ? and channel = 'EMAIL'", Long.class, key);
    }
}
