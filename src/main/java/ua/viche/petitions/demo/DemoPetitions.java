package ua.viche.petitions.demo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionsModule;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionAnswering;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.petitions.domain.PetitionSigning;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;

/**
 * Demo petitions in every state for each demo community, as a year of use would leave them:
 * drafts, petitions awaiting moderation, rejected, collecting, under consideration (one with its
 * answer overdue), answered (supported, partly, not supported), expired and hidden. Each moves
 * through the petition rules as of the moment it would have happened; the signatures of demo
 * residents come in bulk, on a curve (a burst after publication, a second wave, a steady trickle),
 * stored with their count in one transaction under the petition's lock, as folding leaves them
 * (decision 0021). The signature that reaches a threshold goes through the petition rules, which
 * move the petition to consideration. Deterministic (a fixed seed per community); created once,
 * when the demo is on and the community has no petitions yet.
 */
@Component
@Order(30)
class DemoPetitions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPetitions.class);

    /** Time spent storing signatures in bulk, for the log. */
    private long bulkNanos;

    /** Demo residents that sign (see {@code DemoResidents}). */
    private static final int RESIDENTS = 480;

    private final VicheSettings settings;
    private final Communities communities;
    private final PetitionService petitions;
    private final PetitionDrafting drafting;
    private final PetitionModeration moderation;
    private final PetitionSigning signing;
    private final PetitionAnswering answering;
    private final Identity identity;
    private final ThreadClock clock;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;

    DemoPetitions(VicheSettings settings, Communities communities, PetitionService petitions, PetitionDrafting drafting,
                  PetitionModeration moderation, PetitionSigning signing, PetitionAnswering answering, Identity identity,
                  ThreadClock clock, TransactionTemplate tx, JdbcTemplate jdbc) {
        this.tx = tx;
        this.settings = settings;
        this.communities = communities;
        this.petitions = petitions;
        this.drafting = drafting;
        this.moderation = moderation;
        this.signing = signing;
        this.answering = answering;
        this.identity = identity;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Where a demo petition's story ends. */
    enum End { DRAFT, MODERATION, REJECTED, COLLECTING, CONSIDERATION, OVERDUE, SUPPORTED, PARTLY, NOT_SUPPORTED, EXPIRED, HIDDEN }

    /**
     * One demo petition: where its story ends, how many sign (those that reach the threshold take it
     * from the community), when it was drafted, by whom (an e-mail, or null: a demo resident), and
     * the answer, the rejection's or the hiding's reason.
     */
    record Story(String title, String text, End end, int signatures, int daysAgo, String author, String reason) {}

    record Plan(String slug, int threshold, int periodDays, long seed, List<Story> stories) {}

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Plan plan : DemoPetitionTexts.plans()) {
            Community community = communities.bySlug(plan.slug()).orElse(null);
            if (community == null) {
                continue;
            }
            community = communities.putSetting(community.id(), PetitionsModule.THRESHOLD, plan.threshold());
            community = communities.putSetting(community.id(), PetitionsModule.PERIOD_DAYS, plan.periodDays());
            Community c = community;
            CurrentCommunity.runAs(c, () -> {
                if (!petitions.allPublic().isEmpty()) {
                    return;
                }
                long began = System.nanoTime();
                bulkNanos = 0;
                Random random = new Random(plan.seed());
                List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), RESIDENTS);
                int signatures = 0;
                for (int i = 0; i < plan.stories().size(); i++) {
                    signatures += tell(c, plan, plan.stories().get(i), i, residents, random);
                }
                log.info("Demo petitions created in {}: {} petitions, {} signatures, in {} ms ({} ms storing signatures)", c.slug(),
                        plan.stories().size(), signatures, (System.nanoTime() - began) / 1_000_000, bulkNanos / 1_000_000);
            });
        }
    }

    /** Tells one story; returns the number of signatures it gathered. */
    private int tell(Community c, Plan plan, Story s, int index, List<Identity.PersonRef> residents, Random random) {
        String author = s.author() != null ? s.author() : Identity.demoResident(c.slug(), RESIDENTS - 3 * index);
        Instant start = Instant.now().minus(Duration.ofDays(s.daysAgo())).minus(Duration.ofMinutes(random.nextInt(300)));
        Instant submitted = min(start.plus(Duration.ofMinutes(20 + random.nextInt(120))), Instant.now().minusSeconds(60));
        Instant moderated = submitted.plus(Duration.ofHours(20 + random.nextInt(30)));
        String moderator = "moderator@" + c.slug() + ".demo";
        // drafted, submitted and moderated: each step at its moment, the three in one commit
        Petition p = quietly(() -> {
            Petition draft = clock.callAt(start, () -> identity.callAs(author, () -> drafting.draft(s.title(), s.text())));
            if (s.end() != End.DRAFT) {
                clock.runAt(submitted, () -> identity.callAs(author, () -> drafting.submit(draft.getId())));
            }
            if (s.end() == End.REJECTED) {
                clock.runAt(moderated, () -> identity.callAs(moderator, () -> moderation.reject(draft.getId(), s.reason())));
            } else if (s.end() != End.DRAFT && s.end() != End.MODERATION) {
                clock.runAt(moderated, () -> identity.callAs(moderator, () -> moderation.publish(draft.getId())));
            }
            return draft;
        });
        if (s.end() == End.DRAFT || s.end() == End.MODERATION || s.end() == End.REJECTED) {
            return 0;
        }
        Instant now = Instant.now();
        Instant collectionEnd = Dates.periodEnd(moderated, plan.periodDays());
        Instant until = (collectionEnd.isBefore(now) ? collectionEnd : now).minus(Duration.ofHours(1));
        boolean reaches = switch (s.end()) {
            case CONSIDERATION, OVERDUE, SUPPORTED, PARTLY, NOT_SUPPORTED -> true;
            default -> false;
        };
        long authorPerson = identity.callAs(author, () -> identity.currentPerson().orElseThrow().personId());
        List<Identity.PersonRef> signers = new ArrayList<>(residents.stream().filter(r -> r.personId() != authorPerson).toList());
        Collections.shuffle(signers, random);
        int count = Math.min(reaches ? plan.threshold() : s.signatures(), signers.size());
        Instant reachedAt = null;
        if (reaches) {
            // the threshold is reached part-way through the period: early for a popular one, later for others
            double share = s.end() == End.OVERDUE ? 0.5 : s.end() == End.CONSIDERATION ? 0.85 : 0.25 + random.nextDouble() * 0.3;
            reachedAt = moderated.plus(Duration.ofSeconds((long) (Duration.between(moderated, until).toSeconds() * share)));
            until = reachedAt.minus(Duration.ofMinutes(3));
        }
        Instant hidden = moderated.plus(Duration.ofDays(2 + random.nextInt(5)));
        if (s.end() == End.HIDDEN) {
            until = min(until, hidden.minus(Duration.ofMinutes(10)));
        }
        signInBulk(c, p.getId(), signers.subList(0, reaches ? count - 1 : count), moderated, until, random);
        if (reaches) {
            Identity.PersonRef last = signers.get(count - 1);
            String lastEmail = last.email();
            clock.runAt(reachedAt, () -> identity.callAs(lastEmail, () -> signing.sign(p.getId(), true)));
        }
        String official = "official@" + c.slug() + ".demo";
        switch (s.end()) {
            case EXPIRED -> clock.runAt(collectionEnd.plus(Duration.ofMinutes(1 + random.nextInt(59))),
                    () -> signing.expireIfDue(p.getId()));
            case HIDDEN -> clock.runAt(hidden, () -> identity.callAs(moderator, () -> quietly(() -> moderation.hide(p.getId(), s.reason()))));
            case SUPPORTED, PARTLY, NOT_SUPPORTED -> {
                Petition.Outcome outcome = switch (s.end()) {
                    case SUPPORTED -> Petition.Outcome.SUPPORTED;
                    case PARTLY -> Petition.Outcome.PARTLY;
                    default -> Petition.Outcome.NOT_SUPPORTED;
                };
                Instant answered = reachedAt.plus(Duration.ofDays(3 + random.nextInt(9))).plus(Duration.ofHours(random.nextInt(6)));
                if (answered.isAfter(now)) {
                    answered = now.minus(Duration.ofHours(3 + index));
                }
                clock.runAt(answered, () -> identity.callAs(official, () -> quietly(() -> answering.answer(p.getId(), outcome,
                        s.reason(), "https://example.gov.ua/rishennia/" + c.slug() + "/" + p.getId()))));
            }
            default -> { }
        }
        return count;
    }

    /**
     * Runs a step of a story in a transaction whose search-index changes are made visible without
     * waiting for the index to be written to disk (the index commits them shortly after): the
     * same rules, without a disk flush of the index for every past moment.
     */
    private <T> T quietly(Supplier<T> step) {
        return tx.execute(status -> {
            Search.session(entityManager).indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
            return step.get();
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Stores the signatures of these people at moments spread over the period as real petitions
     * gather them, with the stored count raised by as many, in one transaction under the petition's
     * row lock (what folding the signatures' deltas would leave, decision 0021).
     */
    private void signInBulk(Community c, long petitionId, List<Identity.PersonRef> signers, Instant from, Instant to, Random random) {
        if (signers.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        List<Instant> times = curve(random, signers.size(), from, to);
        int n = signers.size();
        Long[] persons = new Long[n];
        String[] names = new String[n];
        String[] moments = new String[n];
        Boolean[] notify = new Boolean[n];
        String[] emails = new String[n];
        for (int i = 0; i < n; i++) {
            Identity.PersonRef person = signers.get(i);
            persons[i] = person.personId();
            names[i] = person.name();
            moments[i] = times.get(i).toString();
            notify[i] = random.nextInt(10) == 0; // asked to be told of the answer
            emails[i] = notify[i] ? person.email() : null;
        }
        tx.executeWithoutResult(status -> {
            jdbc.queryForList("select id from petition where id = ? for update", Long.class, petitionId);
            int added = jdbc.update("insert into petition_signature (community_id, petition_id, person_id, signer_name, signed_at,"
                    + " notify, notify_email, declared_residency) select ?, ?, s.person, s.name, s.at::timestamptz, s.notify, s.email, false"
                    + " from unnest(?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[]) as s(person, name, at, notify, email)"
                    + " on conflict (petition_id, person_id) do nothing", c.id(), petitionId, persons, names, moments, notify, emails);
            jdbc.update("update petition set signature_count = signature_count + ? where id = ?", added, petitionId);
        });
        bulkNanos += System.nanoTime() - began;
    }

    /**
     * Moments for n signatures between two instants, in order: most in the days after publication,
     * a second wave when the petition is shared again, the rest spread evenly; nights are quiet.
     */
    static List<Instant> curve(Random random, int n, Instant from, Instant to) {
        long span = Math.max(600, Duration.between(from, to).toSeconds());
        double wave = 0.3 + random.nextDouble() * 0.5;
        List<Instant> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            double x;
            if (u < 0.55) {
                x = -Math.log(1 - random.nextDouble()) * 0.08;
            } else if (u < 0.75) {
                x = wave + Math.abs(random.nextGaussian()) * 0.04;
            } else {
                x = random.nextDouble();
            }
            Instant at = from.plusSeconds(60 + (long) (Math.min(x, 0.999) * (span - 60)));
            int hour = at.atZone(Dates.KYIV).getHour();
            if (hour < 7) { // asleep: signed in the morning instead
                Instant morning = at.plus(Duration.ofHours(7 - hour)).plusSeconds(random.nextInt(7200));
                at = morning.isBefore(to) ? morning : at;
            }
            times.add(at);
        }
        Collections.sort(times);
        return times;
    }
}
