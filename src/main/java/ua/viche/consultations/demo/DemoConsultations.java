package ua.viche.consultations.demo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.consultations.ConsultationsModule;
import ua.viche.consultations.domain.Consultation;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.VicheSettings;

/**
 * Demo consultations for each demo community, as some months of use would leave them: Kropyvnytskyi
 * has one open (with comments, amendments, replies and supports), one closed and awaiting its report
 * (overdue), and one with its report; the other communities one open and one with its report. Built
 * by the consultation's own rules at past moments; the sections, what residents wrote and their
 * supports are written with SQL in bulk (supports in one statement per amendment), in one transaction
 * per community. Deterministic; created once, when the demo is on and the community has no
 * consultations yet (decisions 0038, 0040).
 */
@Component
@Order(47)
class DemoConsultations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoConsultations.class);
    private static final int RESIDENTS = 480;

    /** An amendment in a demo story: the section's place, the new wording, why, how many support and oppose, the decision. */
    record Amendment(int section, String wording, String why, int supports, int objections, @Nullable String decision,
                     @Nullable String decisionReason) {}

    /** A demo consultation: its draft, when it opened (days ago) and for how long, and what happened on it. */
    record Story(String title, String summary, String draft, int openedDaysAgo, int days, List<String> comments,
                 List<Amendment> amendments, @Nullable String report) {}

    private final VicheSettings settings;
    private final Communities communities;
    private final Identity identity;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;

    DemoConsultations(VicheSettings settings, Communities communities, Identity identity, TransactionTemplate tx, JdbcTemplate jdbc) {
        this.settings = settings;
        this.communities = communities;
        this.identity = identity;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> {
                if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from consultation where community_id = ?)",
                        Boolean.class, c.id()))) {
                    return;
                }
                List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), RESIDENTS);
                if (residents.size() < 60) {
                    return;
                }
                long began = System.nanoTime();
                List<Story> stories = "kropyvnytskyi".equals(c.slug()) ? DemoConsultationTexts.kropyvnytskyi()
                        : DemoConsultationTexts.other(c.name(DemoConsultationTexts.UK));
                Random random = new Random(c.id() * 31 + 7);
                tx.executeWithoutResult(status -> stories.forEach(s -> tell(c, s, residents, random)));
                log.info("Demo consultations created in {}: {} in {} ms", c.slug(), stories.size(), (System.nanoTime() - began) / 1_000_000);
            });
        }
    }

    private void tell(Community c, Story s, List<Identity.PersonRef> residents, Random random) {
        Instant now = Instant.now();
        LocalDate first = Dates.day(now).minusDays(s.openedDaysAgo());
        LocalDate last = first.plusDays(s.days() - 1L);
        Instant created = first.atStartOfDay(Dates.KYIV).toInstant().minus(Duration.ofHours(15));
        List<DraftSections.Part> parts = DraftSections.fromMarkdown(s.draft());
        Consultation k = new Consultation(s.title(), s.summary(), null, first, last, ConsultationsModule.PERIOD_DAYS.value(c),
                ConsultationsModule.REPORT_DAYS.value(c), ConsultationsModule.RESIDENCY_REQUIRED.value(c), 0, null, created);
        k.firstVersion(DraftSections.plain(parts));
        Instant opened = k.getOpensAt();
        Instant until = k.getClosesAt().isBefore(now) ? k.getClosesAt() : now;
        if (s.report() != null) {
            k.publishReport(s.report(), DraftSections.toMarkdown(parts), k.getClosesAt().plus(Duration.ofDays(5)));
        }
        entityManager.persist(k);
        entityManager.flush();
        List<Object[]> sectionRows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            sectionRows.add(new Object[] {c.id(), k.getId(), 1, i + 1, parts.get(i).heading(), parts.get(i).body()});
        }
        jdbc.batchUpdate("insert into consultation_section (community_id, consultation_id, draft_version, position, heading, body)"
                + " values (?, ?, ?, ?, ?, ?)", sectionRows);
        List<Long> sections = jdbc.queryForList("select id from consultation_section where consultation_id = ? order by position",
                Long.class, k.getId());
        long span = Math.max(60, Duration.between(opened, until).getSeconds() - 3600);
        int writer = random.nextInt(RESIDENTS / 2);
        List<Object[]> comments = new ArrayList<>();
        for (String text : s.comments()) {
            Identity.PersonRef p = residents.get(writer++ % residents.size());
            comments.add(new Object[] {c.id(), k.getId(), sections.get(random.nextInt(sections.size())), p.personId(), p.name(), text,
                    Timestamp.from(opened.plusSeconds(random.nextLong(span)))});
        }
        jdbc.batchUpdate("insert into consultation_comment (community_id, consultation_id, section_id, kind, person_id, author_name,"
                + " text, created_at) values (?, ?, ?, 'COMMENT', ?, ?, ?, ?)", comments);
        for (Amendment a : s.amendments()) {
            Identity.PersonRef author = residents.get(writer++ % residents.size());
            Instant at = opened.plusSeconds(random.nextLong(span / 2));
            Instant decided = a.decision() == null ? null : until.plus(Duration.ofDays(2));
            Long id = jdbc.queryForObject("insert into consultation_comment (community_id, consultation_id, section_id, kind, person_id,"
                            + " author_name, text, proposed_text, created_at, decision, decision_reason, decided_at)"
                            + " values (?, ?, ?, 'PROPOSAL', ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                    c.id(), k.getId(), sections.get(Math.min(a.section(), sections.size() - 1)), author.personId(), author.name(), a.why(),
                    a.wording(), Timestamp.from(at), a.decision(), a.decisionReason(), decided == null ? null : Timestamp.from(decided));
            // supporters and opponents in one statement each: residents after the author, none twice
            long[] supporters = new long[a.supports()];
            long[] opponents = new long[a.objections()];
            for (int i = 0; i < supporters.length; i++) {
                supporters[i] = residents.get(writer++ % residents.size()).personId();
            }
            for (int i = 0; i < opponents.length; i++) {
                opponents[i] = residents.get(writer++ % residents.size()).personId();
            }
            jdbc.update("insert into consultation_support (community_id, proposal_id, person_id, stance, given_at)"
                            + " select ?, ?, p, 1, ? from unnest(?::bigint[]) p on conflict do nothing",
                    c.id(), id, Timestamp.from(at.plus(Duration.ofHours(6))), supporters);
            jdbc.update("insert into consultation_support (community_id, proposal_id, person_id, stance, given_at)"
                            + " select ?, ?, p, -1, ? from unnest(?::bigint[]) p on conflict do nothing",
                    c.id(), id, Timestamp.from(at.plus(Duration.ofHours(9))), opponents);
            Identity.PersonRef replier = residents.get(writer++ % residents.size());
            jdbc.update("insert into consultation_comment (community_id, consultation_id, section_id, parent_id, kind, person_id,"
                            + " author_name, text, created_at) select community_id, consultation_id, section_id, id, 'REPLY', ?, ?, ?, ?"
                            + " from consultation_comment where id = ?", replier.personId(), replier.name(),
                    "Підтримую, це варто врахувати.", Timestamp.from(at.plus(Duration.ofHours(20))), id);
        }
    }
}
