package ua.viche.civic.domain;

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

/**
 * The civic space's personal data. Export: the organisations the person registered, their
 * initiatives and supports, their places at events (registered, waiting or cancelled), and (through {@link CoursePrivacy}) their places in
 * course groups and certificates. When the account is deleted: registrations still
 * pending or refused are deleted; a verified organisation stays in the public register (it is the
 * organisation's record, not the person's) without the link to the account; places at events lose
 * the name, phone and account, and stay counted. Initiatives: a pending or refused one is deleted, a
 * published one keeps its text (the community acted on it) without the link to its author; the
 * person's supports are deleted. Runs in the deletion's transaction.
 */
@Component
class CivicPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Communities communities;
    private final MessageSource messages;
    private final CoursePrivacy courses;

    CivicPrivacy(JdbcTemplate jdbc, Communities communities, MessageSource messages, CoursePrivacy courses) {
        this.jdbc = jdbc;
        this.communities = communities;
        this.messages = messages;
        this.courses = courses;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        List<Item> items = new ArrayList<>();
        jdbc.query("select community_id, id, name, status, created_at from civic_organisation where created_by_person_id = ?"
                + " order by created_at, id", rs -> {
                    items.add(new Item("civic.organisation", messages.getMessage("civic.activity.organisation",
                            new Object[] {rs.getString(3), messages.getMessage("civic.status." + rs.getString(4), null, locale)}, locale),
                            rs.getTimestamp(5).toInstant(), "/" + slug(rs.getLong(1)) + "/organisations/" + rs.getLong(2)));
                }, person.personId());
        jdbc.query("select e.community_id, e.id, " + title(locale, "e.title_uk", "e.title_en") + ", p.status, p.queued_at from civic_place p join civic_event e on e.roster_id = p.roster_id"
                + " where p.person_id = ? order by p.queued_at, p.id", rs -> {
                    items.add(new Item("civic.event", messages.getMessage("civic.activity.event",
                            new Object[] {rs.getString(3), messages.getMessage("civic.place." + rs.getString(4), null, locale)}, locale),
                            rs.getTimestamp(5).toInstant(), "/" + slug(rs.getLong(1)) + "/events/" + rs.getLong(2)));
                }, person.personId());
        jdbc.query("select community_id, id, " + title(locale, "title", "title_en")
                + ", status, created_at from civic_initiative where author_person_id = ? order by created_at, id",
                rs -> {
                    items.add(new Item("civic.initiative", messages.getMessage("civic.activity.initiative",
                            new Object[] {rs.getString(3), messages.getMessage("civic.initiativeStatus." + rs.getString(4), null, locale)}, locale),
                            rs.getTimestamp(5).toInstant(), "/" + slug(rs.getLong(1)) + "/initiatives/" + rs.getLong(2)));
                }, person.personId());
        jdbc.query("select i.community_id, i.id, " + title(locale, "i.title", "i.title_en")
                + ", s.created_at from civic_initiative_support s join civic_initiative i on i.id = s.initiative_id"
                + " where s.person_id = ? order by s.created_at, i.id", rs -> {
                    items.add(new Item("civic.initiativeSupport", messages.getMessage("civic.activity.initiativeSupport",
                            new Object[] {rs.getString(3)}, locale),
                            rs.getTimestamp(4).toInstant(), "/" + slug(rs.getLong(1)) + "/initiatives/" + rs.getLong(2)));
                }, person.personId());
        items.addAll(courses.export(person.personId(), locale, this::slug));
        return items;
    }

    /** The SQL for a title in the reader's language: the English column where the reader reads English and it is filled. */
    static String title(Locale locale, String ukrainian, String english) {
        return "en".equals(locale.getLanguage()) ? "coalesce(nullif(" + english + ", ''), " + ukrainian + ")" : ukrainian;
    }

    private String slug(long communityId) {
        return communities.byId(communityId).map(c -> c.slug()).orElse("");
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        jdbc.update("delete from civic_organisation where created_by_person_id = ? and status <> 'VERIFIED'"
                + " and not exists (select 1 from civic_event e where e.organisation_id = civic_organisation.id)", event.personId());
        jdbc.update("update civic_organisation set created_by_person_id = null, created_by_account_id = null where created_by_person_id = ?",
                event.personId());
        courses.erase(event.personId());
        // initiatives: one still awaiting moderation or refused goes; a published one stays (the community
        // acted on it) without its author; supports are deleted, so the counts drop by theirs
        jdbc.update("delete from civic_initiative where author_person_id = ? and status <> 'PUBLISHED'", event.personId());
        jdbc.update("update civic_initiative set author_person_id = null, author_account_id = null where author_person_id = ?", event.personId());
        jdbc.update("delete from civic_initiative_support where person_id = ?", event.personId());
        jdbc.update("update civic_place set person_id = null, account_id = null, name = '—', phone = null, email = null where person_id = ?",
                event.personId());
        return Erasure.complete();
    }
}
