package ua.viche.budget.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.Category;
import ua.viche.budget.domain.CostLine;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.CycleAdministration;
import ua.viche.budget.domain.Project;
import ua.viche.budget.domain.ProjectAuthoring;
import ua.viche.budget.domain.ProjectImplementation;
import ua.viche.budget.domain.ProjectReview;
import ua.viche.budget.results.Method;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.Refusal;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo participatory budget in each demo community: last year's cycle, voted, with approved
 * results and implementation under way, and this year's cycle in its voting phase. The projects
 * fit the community ({@link DemoBudgetIdeas}): the city's shelters, lyceums and parks, the
 * village's street lights and club, the displaced community's help where its people live now;
 * each is assigned to the department it belongs to and reviewed there. Projects go through the
 * module's service "as of" the days they would have happened; the residents' votes are written in
 * batches (one ballot row and at most the cycle's votes per person, voters old enough on the day),
 * from a fixed seed. Once per community.
 */
@Component
@Order(45)
class DemoBudget implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBudget.class);
    /** Residents from this number on are left to the tests and to visitors of the demo, in this year's cycle. */
    private static final int LAST_VOTER_NOW = 299;
    private static final int LAST_VOTER_PAST = 439;

    private final VicheSettings settings;
    private final Communities communities;
    private final BudgetService budget;
    private final CycleAdministration administration;
    private final ProjectAuthoring authoring;
    private final ProjectReview review;
    private final ProjectImplementation implementation;
    private final Identity identity;
    private final ThreadClock clock;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;

    DemoBudget(VicheSettings settings, Communities communities, BudgetService budget, CycleAdministration administration,
               ProjectAuthoring authoring, ProjectReview review, ProjectImplementation implementation, Identity identity,
               ThreadClock clock, TransactionTemplate tx, JdbcTemplate jdbc) {
        this.settings = settings;
        this.communities = communities;
        this.budget = budget;
        this.administration = administration;
        this.authoring = authoring;
        this.review = review;
        this.implementation = implementation;
        this.identity = identity;
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            List<DemoBudgetIdeas.Idea> ideas = DemoBudgetIdeas.of(c.slug());
            if (ideas.isEmpty()) {
                continue;
            }
            CurrentCommunity.runAs(c, () -> {
                if (!budget.cycles().isEmpty()) {
                    return;
                }
                long started = System.nanoTime();
                long[] amounts = DemoBudgetIdeas.amounts(c.slug());
                LocalDate today = budget.today();
                LocalDate past = LocalDate.of(today.getYear() - 1, 1, 15);
                int votes = cycle(c, "Громадський бюджет " + (today.getYear() - 1), today.getYear() - 1, Method.GREEDY,
                        new Cycle.Rules("", 0, Method.GREEDY, 3, false, 0, 16, 16, true, 0, past, past.plusDays(59),
                                past.plusDays(105), past.plusDays(120), past.plusDays(151), past.plusDays(166)),
                        amounts[0], amounts[1], ideas.stream().filter(i -> !i.now()).toList(), LAST_VOTER_PAST, true);
                LocalDate now = today.minusDays(70);
                votes += cycle(c, "Громадський бюджет " + today.getYear(), today.getYear(),
                        c.slug().equals("kropyvnytskyi") ? Method.EQUAL_SHARES : Method.GREEDY,
                        new Cycle.Rules("", 0, Method.GREEDY, 3, false, 0, 16, 16, true, 0, now, now.plusDays(30),
                                now.plusDays(55), today.minusDays(5), today.plusDays(20), today.plusDays(30)),
                        amounts[2], amounts[3], ideas.stream().filter(DemoBudgetIdeas.Idea::now).toList(), LAST_VOTER_NOW, false);
                log.info("Demo participatory budget created in {}: {} votes in {} ms", c.slug(), votes,
                        (System.nanoTime() - started) / 1_000_000);
            });
        }
    }

    private int cycle(Community c, String name, int year, Method method, Cycle.Rules dates, long largeUah, long smallUah,
                      List<DemoBudgetIdeas.Idea> ideas, int lastVoter, boolean finished) {
        String admin = "admin@" + c.slug() + ".demo";
        String official = "appeals@" + c.slug() + ".demo";
        Cycle.Rules rules = new Cycle.Rules(name, year, method, dates.votesPerPerson(), false, 0, 16, 16, true, 0,
                dates.submissionStarts(), dates.submissionEnds(), dates.reviewEnds(), dates.votingStarts(), dates.votingEnds(),
                dates.resultsOn());
        Cycle cycle = as(dates.submissionStarts(), admin, () -> administration.createCycle(rules, List.of(
                new CycleAdministration.CategoryDraft("Великі проєкти", "Large projects", largeUah * 100),
                new CycleAdministration.CategoryDraft("Малі проєкти", "Small projects", smallUah * 100))));
        List<Category> categories = budget.categories(cycle.getId());
        List<Department> departments = communities.departments();
        Community.@Nullable Area area = c.area().orElse(null);
        List<Project> admitted = new ArrayList<>();
        List<Integer> popularity = new ArrayList<>();
        for (int i = 0; i < ideas.size(); i++) {
            DemoBudgetIdeas.Idea idea = ideas.get(i);
            String author = Identity.demoResident(c.slug(), 200 + i * 3 + (finished ? 0 : 1));
            Double lat = null;
            Double lon = null;
            if (idea.x() != null && idea.y() != null && area != null) {
                lat = Math.round((area.minLat() + (area.maxLat() - area.minLat()) * idea.y()) * 1e5) / 1e5;
                lon = Math.round((area.minLon() + (area.maxLon() - area.minLon()) * idea.x()) * 1e5) / 1e5;
            }
            Category category = categories.get(idea.large() ? 0 : 1);
            Project.Draft draft = new Project.Draft(category.getId(), idea.title(), idea.summary(), idea.description(), lat, lon,
                    idea.address(), idea.costs());
            Project p;
            try {
                p = as(dates.submissionStarts().plusDays(3 + i), author, () -> authoring.draft(cycle.getId(), draft));
            } catch (Refusal e) {
                log.warn("Demo project {} refused: {}", idea.title(), e.messageKey());
                continue;
            }
            long department = departments.stream().filter(d -> d.nameUk().startsWith(idea.department())).map(Department::id)
                    .findFirst().orElse(departments.get(0).id());
            as(dates.submissionStarts().plusDays(4 + i), author, () -> authoring.submit(p.getId()));
            as(dates.submissionEnds().plusDays(1), admin, () -> review.assign(p.getId(), department));
            Project reviewed = as(dates.submissionEnds().plusDays(8 + i % 10), official, () -> review.review(p.getId(),
                    idea.refusal() == null, idea.refusal() == null ? idea.review() : idea.refusal(), null));
            if (reviewed.votable()) {
                admitted.add(reviewed);
                popularity.add(idea.popularity());
            }
        }
        int votes = tx.execute(s -> votes(c, cycle, dates, admitted, popularity, lastVoter, finished));
        if (finished) {
            as(dates.resultsOn(), admin, () -> administration.publishResults(cycle.getId()));
            List<Project> winners = budget.projects(cycle.getId()).stream().filter(p -> p.getStatus() == Project.Status.WON).toList();
            for (int i = 0; i < winners.size(); i++) {
                Project w = winners.get(i);
                Project.Implementation state = i % 3 == 0 ? Project.Implementation.DONE
                        : i % 3 == 1 ? Project.Implementation.IN_PROGRESS : Project.Implementation.PROCUREMENT;
                long spent = state == Project.Implementation.DONE ? w.effectiveCost() * 97 / 100
                        : state == Project.Implementation.IN_PROGRESS ? w.effectiveCost() / 2 : 0;
                as(dates.resultsOn().plusDays(40 + i * 20), official, () -> implementation.update(w.getId(), state, spent,
                        state == Project.Implementation.DONE ? "Роботи завершено й прийнято комісією; економія за результатами закупівлі."
                                : state == Project.Implementation.IN_PROGRESS ? "Підрядник виконує роботи, завершення — до кінця кварталу."
                                : "Оголошено закупівлю в Prozorro."));
            }
        }
        return votes;
    }

    /**
     * The residents' votes, as the module would have recorded them: each voter aged 16 or more on
     * the day takes up to the cycle's votes per person for the projects they like (more popular
     * projects, more votes), with one ballot row per voter and cycle; written in batches.
     */
    private int votes(Community c, Cycle cycle, Cycle.Rules dates, List<Project> admitted, List<Integer> popularity, int lastVoter,
                      boolean finished) {
        if (admitted.isEmpty()) {
            return 0;
        }
        Random random = new Random(2_025L * cycle.getYear() + c.slug().hashCode());
        LocalDate today = budget.today();
        LocalDate last = finished ? dates.votingEnds() : today.minusDays(1);
        int days = (int) Math.max(1, ChronoUnit.DAYS.between(dates.votingStarts(), last) + 1);
        // turnout: about two in three demo residents in a city, more in the village
        int turnout = c.kind() == Community.Kind.VILLAGE ? 80 : 65;
        List<Object[]> ballots = new ArrayList<>();
        List<Object[]> votes = new ArrayList<>();
        for (Identity.PersonRef voter : identity.demoResidents(c.slug(), lastVoter)) {
            if (random.nextInt(100) >= turnout) {
                continue;
            }
            // more votes in the first days and the last ones, as reminders go out
            int d = random.nextInt(100) < 50 ? random.nextInt(Math.min(days, 5)) : random.nextInt(days);
            LocalDate day = dates.votingStarts().plusDays(d);
            if (voter.age(day).orElse(0) < cycle.getMinVoterAge()) {
                continue;
            }
            Instant at = day.atTime(8 + random.nextInt(14), random.nextInt(60)).atZone(Dates.KYIV).toInstant();
            List<Object[]> mine = new ArrayList<>();
            for (int j = 0; j < admitted.size() && mine.size() < cycle.getVotesPerPerson(); j++) {
                int k = (j + random.nextInt(admitted.size())) % admitted.size();
                Project p = admitted.get(k);
                boolean already = mine.stream().anyMatch(v -> (long) v[3] == p.getId());
                if (!already && random.nextInt(100) < popularity.get(k)) {
                    mine.add(new Object[] {c.id(), cycle.getId(), p.getCategoryId(), p.getId(), voter.personId(),
                        Timestamp.from(at.plusSeconds(mine.size() * 40L))});
                }
            }
            if (!mine.isEmpty()) {
                ballots.add(new Object[] {c.id(), cycle.getId(), voter.personId(), Timestamp.from(at)});
                votes.addAll(mine);
            }
        }
        jdbc.batchUpdate("insert into budget_ballot (community_id, cycle_id, person_id, first_vote_at) values (?, ?, ?, ?)", ballots);
        jdbc.batchUpdate("insert into budget_vote (community_id, cycle_id, category_id, project_id, person_id, cast_at, channel)"
                + " values (?, ?, ?, ?, ?, ?, 'WEB')", votes);
        return votes.size();
    }

    private <T> T as(LocalDate day, String email, Supplier<T> work) {
        return clock.callAt(day.atTime(12, 0).toInstant(ZoneOffset.ofHours(2)), () -> identity.callAs(email, work));
    }

    static CostLine.Item line(String item, String quantity, long hryvnias) {
        return new CostLine.Item(item, new BigDecimal(quantity), hryvnias * 100);
    }
}
