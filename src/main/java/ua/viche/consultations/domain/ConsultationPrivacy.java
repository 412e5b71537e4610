package ua.viche.consultations.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;
import ua.viche.platform.Slugs;

/**
 * The consultations' personal data. Export: the person's comments, amendments, replies and stances
 * on amendments, and the polls they took part in (never their answers, which are not linked to them). When a person deletes their account: their stances and abuse reports are deleted
 * (the counts of supports drop by them); their comments, amendments and replies stay as part of the
 * public record the officials answered, without the author's name. Runs in the deletion's transaction.
 */
@Component
class ConsultationPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;

    ConsultationPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select c.community_id, k.id, k.title, c.kind, c.text, c.proposed_text, c.created_at from consultation_comment c"
                + " join consultation k on k.id = c.consultation_id where c.person_id = ? order by c.created_at, c.id", rs -> {
                    String url = url(rs.getLong(1), rs.getLong(2), rs.getString(3));
                    String what = rs.getString(6) == null ? rs.getString(5) : rs.getString(6);
                    items.add(new Item("consultation." + rs.getString(4).toLowerCase(Locale.ROOT),
                            messages.getMessage("consultation.activity." + rs.getString(4), new Object[] {rs.getString(3), what}, locale),
                            rs.getTimestamp(7).toInstant(), url));
                }, person.personId());
        jdbc.query("select s.community_id, k.id, k.title, s.stance, s.given_at from consultation_support s"
                + " join consultation_comment c on c.id = s.proposal_id join consultation k on k.id = c.consultation_id"
                + " where s.person_id = ? order by s.given_at, s.id", rs -> {
                    items.add(new Item("consultation.support", messages.getMessage(rs.getInt(4) > 0 ? "consultation.activity.supported"
                            : "consultation.activity.opposed", new Object[] {rs.getString(3)}, locale), rs.getTimestamp(5).toInstant(),
                            url(rs.getLong(1), rs.getLong(2), rs.getString(3))));
                }, person.personId());
        jdbc.query("select p.community_id, p.id, p.title, p.closes_at from poll_participant x join poll p on p.id = x.poll_id"
                + " where x.person_id = ? order by p.id", rs -> {
                    String slug = communities.byId(rs.getLong(1)).map(c -> c.slug()).orElse("");
                    // only that the person took part: what they answered is not linked to them and cannot be exported
                    items.add(new Item("poll", messages.getMessage("consultation.activity.poll", new Object[] {rs.getString(3)}, locale),
                            rs.getTimestamp(4).toInstant(), "/" + slug + "/polls/" + rs.getLong(2)));
                }, person.personId());
        return items;
    }

    private String url(long communityId, long id, String title) {
        String slug = communities.byId(communityId).map(c -> c.slug()).orElse("");
        return "/" + slug + "/consultations/" + id + "-" + Slugs.of(title, 60);
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("delete from consultation_support where person_id = ?", event.personId());
        jdbc.update("delete from consultation_abuse_report where person_id = ?", event.personId());
        jdbc.update("update consultation_comment set author_name = '' where person_id = ?", event.personId());
        jdbc.update("delete from poll_participant where person_id = ?", event.personId());
        return Erasure.complete();
    }
}
