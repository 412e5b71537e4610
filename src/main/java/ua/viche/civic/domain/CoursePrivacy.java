package ua.viche.civic.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.PersonalData;

/**
 * The courses' part of the civic space's personal data ({@link CivicPrivacy} calls it): the export
 * lists the person's places in course groups and their certificates; on deletion a certificate
 * keeps its verify code (a printed one still verifies as issued) but loses the name and the link
 * to the person; the places themselves are cleared with the events' ones.
 */
@Component
class CoursePrivacy {

    private final JdbcTemplate jdbc;
    private final MessageSource messages;

    CoursePrivacy(JdbcTemplate jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    List<PersonalData.Item> export(long personId, Locale locale, LongFunction<String> slug) {
        List<PersonalData.Item> items = new ArrayList<>();
        String title = CivicPrivacy.title(locale, "c.title_uk", "c.title_en");
        jdbc.query("select g.community_id, g.id, " + title + ", g.name, p.status, p.queued_at, p.priority from civic_place p"
                + " join civic_course_group g on g.roster_id = p.roster_id join civic_course c on c.id = g.course_id"
                + " where p.person_id = ? order by p.queued_at, p.id", rs -> {
                    String priority = rs.getString(7);
                    items.add(new PersonalData.Item("civic.course", messages.getMessage("civic.activity.course",
                            new Object[] {rs.getString(3), rs.getString(4), messages.getMessage("civic.place." + rs.getString(5), null, locale),
                                priority == null ? "—" : messages.getMessage("civic.priority." + priority, null, locale)}, locale),
                            rs.getTimestamp(6).toInstant(), "/" + slug.apply(rs.getLong(1)) + "/courses/groups/" + rs.getLong(2)));
                }, personId);
        jdbc.query("select community_id, group_id, verify_code, issued_at from civic_course_certificate where person_id = ? order by issued_at",
                rs -> {
                    items.add(new PersonalData.Item("civic.course-certificate", messages.getMessage("civic.activity.courseCertificate",
                            new Object[] {Courses.readable(rs.getString(3))}, locale), rs.getTimestamp(4).toInstant(),
                            "/" + slug.apply(rs.getLong(1)) + "/courses/verify/" + Courses.readable(rs.getString(3))));
                }, personId);
        return items;
    }

    void erase(long personId) {
        jdbc.update("update civic_course_certificate set person_id = null, name = '—' where person_id = ?", personId);
        jdbc.update("update civic_place set priority = null where person_id = ?", personId);
    }
}
