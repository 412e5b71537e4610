package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.monitoring.MonitoringModule;
import ua.viche.monitoring.domain.FigureReminders;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.Quarters;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.Mailer;
import ua.viche.platform.Role;
import ua.viche.platform.TestCommunities;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.WorkingDays;

/**
 * The due day and the first reminder follow the community's settings (the 5th and three working days
 * before, unless it sets others). The quarterly reminders: on the due day every department with a figure not yet entered is
 * reminded once (a second run that day sends nothing); once overdue, again once, but not a
 * department that has entered all of its figures meanwhile; the village's ended programme asks for nothing.
 */
@IntegrationTest
class ProgrammeRemindersTest {

    @Autowired FigureReminders reminders;
    @Autowired Communities communities;
    @Autowired ThreadClock clock;
    @Autowired WorkingDays workingDays;
    @Autowired JdbcTemplate jdbc;
    @Autowired Mailer mailer;
    @Autowired Identity identity;
    @Autowired FigureReporting reporting;

    @Test
    void aCommunitySetsItsOwnDueDayAndHowEarlyItReminds() {
        Community fresh = TestCommunities.create(communities, "programme-days");
        Quarters.Quarter q = new Quarters.Quarter(2026, 3);
        LocalDate byDefault = CurrentCommunity.callAs(fresh, () -> reporting.due(q));
        assertThat(byDefault).isEqualTo(Quarters.due(q, 5, workingDays::isWorkingDay));
        assertThat(CurrentCommunity.callAs(fresh, () -> reminders.reminderDay(byDefault)))
                .isEqualTo(workingDaysBefore(byDefault, 3));

        communities.putSetting(fresh.id(), MonitoringModule.DUE_DAY, 12);
        communities.putSetting(fresh.id(), MonitoringModule.REMINDER_DAYS, 5);
        Community changed = communities.bySlug(fresh.slug()).orElseThrow();
        LocalDate due = CurrentCommunity.callAs(changed, () -> reporting.due(q));
        assertThat(due).isEqualTo(Quarters.due(q, 12, workingDays::isWorkingDay)).isAfter(byDefault);
        assertThat(CurrentCommunity.callAs(changed, () -> reminders.reminderDay(due))).isEqualTo(workingDaysBefore(due, 5));
        // another community keeps the defaults
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        assertThat(CurrentCommunity.callAs(k, () -> reporting.due(q))).isEqualTo(byDefault);
    }

    private LocalDate workingDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int left = n; left > 0; ) {
            d = d.minusDays(1);
            if (workingDays.isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    @Test
    void departmentsAreRemindedOnceBeforeTheDueDayAndOnceWhenOverdue() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Quarters.Quarter q = new Quarters.Quarter(2026, 4);
        LocalDate due = CurrentCommunity.callAs(k, () -> reporting.due(q));
        assertThat(due).isEqualTo(Quarters.due(q, 5, workingDays::isWorkingDay));
        List<Map<String, Object>> asked = jdbc.queryForList("select distinct f.department_id from monitoring_figure f "
                + "where f.community_id = ? and f.department_id is not null and f.computed is null", k.id());
        assertThat(asked).hasSizeGreaterThan(1);

        int first = CurrentCommunity.callAs(k, () -> clock.callAt(Dates.endOfDay(due).minusSeconds(3600), reminders::remind));
        assertThat(first).isEqualTo(asked.size());
        assertThat(CurrentCommunity.callAs(k, () -> clock.callAt(Dates.endOfDay(due).minusSeconds(60), reminders::remind))).isZero();
        long education = jdbc.queryForObject("select id from department where community_id = ? and name_uk = 'Управління освіти'",
                Long.class, k.id());
        Department dept = CurrentCommunity.callAs(k, () -> communities.department(education).orElseThrow());
        String to = dept.email() != null && !dept.email().isBlank() ? dept.email()
                : CurrentCommunity.callAs(k, () -> identity.staff(Role.OFFICIAL, education)).get(0).email();
        Mailer.Message mail = mailer.latest(to, 30).stream().filter(m -> m.body().contains("2.11")).findFirst().orElseThrow();
        assertThat(mail.subject()).contains("4 квартал 2026 року");
        assertThat(mail.body()).contains("2.12").contains("/kropyvnytskyi/programme/manage");

        // the education department enters all its figures; the others are reminded again once overdue
        jdbc.update("insert into monitoring_entry (community_id, figure_id, year, quarter, value, status, current, entered_at, reason) "
                + "select f.community_id, f.id, 2026, 4, 1, 'ENTERED', true, now(), '' from monitoring_figure f "
                + "where f.department_id = ? and f.computed is null", education);
        LocalDate after = workingDays.plusWorkingDays(due, 1);
        int overdue = CurrentCommunity.callAs(k, () -> clock.callAt(Dates.endOfDay(after).minusSeconds(3600), reminders::remind));
        assertThat(overdue).isEqualTo(asked.size() - 1);
        assertThat(jdbc.queryForObject("select count(*) from monitoring_reminder where department_id = ? and kind = 'OVERDUE'",
                Long.class, education)).isZero();

        // the village's strategy ended in 2022: nothing is asked for
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        assertThat(CurrentCommunity.callAs(d, () -> clock.callAt(Dates.endOfDay(after).minusSeconds(3600), reminders::remind))).isZero();
        jdbc.update("delete from monitoring_entry where year = 2026 and quarter = 4 and figure_id in "
                + "(select id from monitoring_figure where department_id = ?)", education);
    }
}
