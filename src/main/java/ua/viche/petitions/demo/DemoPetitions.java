package ua.viche.petitions.demo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.petitions.PetitionThresholdReached;
import ua.viche.petitions.PetitionsModule;
import ua.viche.petitions.domain.Petition;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;

/**
 * Demo petitions in every state for each demo community, as a year of use would leave them:
 * drafts, petitions awaiting moderation, rejected, collecting, under consideration (one with its
 * answer overdue), answered (supported, partly, not supported), expired and hidden. Each petition
 * is built by the petition's own rules as of the moments it would have happened (drafted,
 * submitted, moderated, the count that reaches the threshold, answered, hidden, expired) and
 * written in one transaction with its signatures: the demo residents' signatures in one statement,
 * on a curve (a burst after publication, a second wave, a steady trickle), and the stored count,
 * as folding leaves it (decision 0021). Deterministic (a fixed seed per community); created once,
 * when the demo is on and the community has no petitions yet (decisions 0038, 0040).
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
    private final Identity identity;
    private final ThreadClock clock;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    @PersistenceContext
    private EntityManager entityManager;

    private final WorkingDays days;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    DemoPetitions(VicheSettings settings, Communities communities, Identity identity, ThreadClock clock, TransactionTemplate tx,
                  JdbcTemplate jdbc, WorkingDays days, AuditLog audit, ApplicationEventPublisher events) {
        this.tx = tx;
        this.settings = settings;
        this.communities = communities;
        this.identity = identity;
        this.days = days;
        this.audit = audit;
        this.events = events;
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
                if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from petition where community_id = ?)",
                        Boolean.class, c.id()))) {
                    return;
                }
                long began = System.nanoTime();
                bulkNanos = 0;
                Random random = new Random(plan.seed());
                List<Identity.PersonRef> residents = identity.demoResidents(c.slug(), RESIDENTS);
                int[] signatures = {0};
                List<Runnable> afterCommit = new ArrayList<>();
                inTransaction(() -> { // the community's petitions in one commit
                    for (int i = 0; i < plan.stories().size(); i++) {
                        signatures[0] += tell(c, plan, plan.stories().get(i), i, residents, random, afterCommit);
                    }
                });
                afterCommit.forEach(Runnable::run);
                log.info("Demo petitions created in {}: {} petitions, {} signatures, in {} ms ({} ms storing signatures)", c.slug(),
                        plan.stories().size(), signatures[0], (System.nanoTime() - began) / 1_000_000, bulkNanos / 1_000_000);
            });
        }
    }

    /**
     * Tells one story; returns the number of signatures it gathered. The petition is built by its own
     * rules ({@link Petition#submit}, {@link Petition#publish}, {@link Petition#counted} …) at the
     * moments they happened, and written with its signatures in the caller's transaction; the moderator's and
     * the official's actions are in the audit log as of their moments, and an expired petition is
     * forwarded as an appeal by the usual event, as of its expiry. No e-mails: nobody's session
     * caused them (decision 0038).
     */
    private int tell(Community c, Plan plan, Story s, int index, List<Identity.PersonRef> residents, Random random,
                     List<Runnable> afterCommit) {
        String author = s.author() != null ? s.author() : Identity.demoResident(c.slug(), RESIDENTS - 3 * index);
        Instant start = Instant.now().minus(Duration.ofDays(s.daysAgo())).minus(Duration.ofMinutes(random.nextInt(300)));
        Instant submitted = min(start.plus(Duration.ofMinutes(20 + random.nextInt(120))), Instant.now().minusSeconds(60));
        Instant moderated = submitted.plus(Duration.ofHours(20 + random.nextInt(30)));
        String moderator = "moderator@" + c.slug() + ".demo";
        String official = "official@" + c.slug() + ".demo";
        Identity.PersonRef writer = residents.stream().filter(r -> author.equals(r.email())).findFirst()
                .orElseGet(() -> identity.callAs(author, () -> identity.currentPerson().orElseThrow()));
        Petition p = new Petition(writer.personId(), writer.accountId(), writer.name(), writer.email(), s.title(), s.text(), start);
        if (s.end() != End.DRAFT) {
            p.submit(submitted, days, PetitionsModule.MODERATION_DAYS.value());
        }
        if (s.end() == End.REJECTED) {
            p.reject(moderated, s.reason());
        } else if (s.end() != End.DRAFT && s.end() != End.MODERATION) {
            p.publish(moderated, plan.threshold(), plan.periodDays());
        }
        if (s.end() == End.DRAFT || s.end() == End.MODERATION || s.end() == End.REJECTED) {
            inTransaction(() -> {
                entityManager.persist(p);
                if (s.end() == End.REJECTED) {
                    audit(moderated, moderator, "petition.rejected", p, s.reason());
                }
            });
            return 0;
        }
        Instant now = Instant.now();
        Instant collectionEnd = Dates.periodEnd(moderated, plan.periodDays());
        Instant until = (collectionEnd.isBefore(now) ? collectionEnd : now).minus(Duration.ofHours(1));
        boolean reaches = switch (s.end()) {
            case CONSIDERATION, OVERDUE, SUPPORTED, PARTLY, NOT_SUPPORTED -> true;
            default -> false;
        };
        long authorPerson = writer.personId();
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
        List<Signing> signings = signings(signers.subList(0, reaches ? count - 1 : count), moderated, until, random);
        if (reaches) {
            // the signature that reaches the threshold, asking to be told of the answer
            Identity.PersonRef last = signers.get(count - 1);
            signings.add(new Signing(last.personId(), last.name(), reachedAt, true, last.email()));
        }
        Instant expired = s.end() == End.EXPIRED ? collectionEnd.plus(Duration.ofMinutes(1 + random.nextInt(59))) : null;
        Instant answered = null;
        Petition.Outcome outcome = switch (s.end()) {
            case SUPPORTED -> Petition.Outcome.SUPPORTED;
            case PARTLY -> Petition.Outcome.PARTLY;
            case NOT_SUPPORTED -> Petition.Outcome.NOT_SUPPORTED;
            default -> null;
        };
        if (outcome != null) {
            answered = reachedAt.plus(Duration.ofDays(3 + random.nextInt(9))).plus(Duration.ofHours(random.nextInt(6)));
            if (answered.isAfter(now)) {
                answered = now.minus(Duration.ofHours(3 + index));
            }
        }
        Instant reached = reachedAt;
        Instant answeredAt = answered;
        inTransaction(() -> {
            entityManager.persist(p); // the id, for the signatures
            audit(moderated, moderator, "petition.published", p, p.getTitle());
            int signed = signInBulk(c, p.getId(), signings);
            if (reached != null) {
                if (p.counted(signed, reached, days, PetitionsModule.ANSWER_DAYS.value())) {
                    clock.runAt(reached, () -> events.publishEvent(new PetitionThresholdReached(c.id(), p.getId(), p.getTitle(),
                            p.getSignatureCount(), p.getAnswerDueAt())));
                }
            } else if (expired != null) {
                p.expireIfDue(expired);
                p.counted(signed, expired, days, PetitionsModule.ANSWER_DAYS.value()); // no longer collecting: its final count
            } else {
                p.counted(signed, until(signings, moderated), days, PetitionsModule.ANSWER_DAYS.value());
            }
            if (s.end() == End.HIDDEN) {
                p.hide(hidden, s.reason());
                audit(hidden, moderator, "petition.hidden", p, s.reason());
            }
            if (outcome != null) {
                p.answer(answeredAt, outcome, s.reason(), "https://example.gov.ua/rishennia/" + c.slug() + "/" + p.getId());
                audit(answeredAt, official, "petition.answered", p, outcome.name());
            }
        });
        if (expired != null) {
            // forwarded as an appeal once the expiry has committed, as the expiry job does, as of that moment
            afterCommit.add(() -> clock.runAt(expired, () -> inTransaction(() -> events.publishEvent(new PetitionForwardedAsAppeal(c.id(),
                    p.getId(), p.getTitle(), p.getText(), p.getAuthorPersonId(), p.getAuthorName(), p.getAuthorEmail(),
                    p.getSignatureCount(), "/" + c.slug() + "/petitions/" + p.slug())))));
        }
        return count;
    }

    /** The moment of the last signature, or of publication without any. */
    private static Instant until(List<Signing> signings, Instant published) {
        return signings.isEmpty() ? published : signings.get(signings.size() - 1).at();
    }

    /** Records an official's action in the audit log as of its moment, in the current transaction. */
    private void audit(Instant at, String email, String action, Petition p, String details) {
        clock.runAt(at, () -> identity.callAs(email, () -> {
            audit.record(action, "petition", p.getId(), details);
            return null;
        }));
    }

    /**
     * Runs a step in a transaction of its own; its search-index changes go through the search
     * outbox and are applied in batches after the commit (decision 0058).
     */
    private void inTransaction(Runnable step) {
        tx.executeWithoutResult(status -> step.run());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** One signature: who, when, and whether they asked to be told of the answer (then to which address). */
    private record Signing(long person, String name, Instant at, boolean toldOfAnswer, @Nullable String email) {}

    /** The signatures of these people at moments spread over the period as real petitions gather them. */
    private static List<Signing> signings(List<Identity.PersonRef> signers, Instant from, Instant to, Random random) {
        List<Signing> signings = new ArrayList<>(signers.size() + 1);
        if (signers.isEmpty()) {
            return signings;
        }
        List<Instant> times = curve(random, signers.size(), from, to);
        for (int i = 0; i < signers.size(); i++) {
            Identity.PersonRef person = signers.get(i);
            boolean notify = random.nextInt(10) == 0; // asked to be told of the answer
            signings.add(new Signing(person.personId(), person.name(), times.get(i), notify, notify ? person.email() : null));
        }
        return signings;
    }

    /**
     * Stores the signatures in one statement with the petition's stored count raised by as many, in
     * the caller's transaction (what folding the signatures' deltas would leave, decision 0021), and
     * returns how many were stored, for the petition's rules ({@link Petition#counted}).
     */
    private int signInBulk(Community c, long petitionId, List<Signing> signings) {
        if (signings.isEmpty()) {
            return 0;
        }
        long began = System.nanoTime();
        int n = signings.size();
        Long[] persons = new Long[n];
        String[] names = new String[n];
        String[] moments = new String[n];
        Boolean[] notify = new Boolean[n];
        String[] emails = new String[n];
        for (int i = 0; i < n; i++) {
            Signing signing = signings.get(i);
            persons[i] = signing.person();
            names[i] = signing.name();
            moments[i] = signing.at().toString();
            notify[i] = signing.toldOfAnswer();
            emails[i] = signing.email();
        }
        int added = jdbc.update("insert into petition_signature (community_id, petition_id, person_id, signer_name, signed_at,"
                + " notify, notify_email, declared_residency) select ?, ?, s.person, s.name, s.at::timestamptz, s.notify, s.email, false"
                + " from unnest(?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[]) as s(person, name, at, notify, email)"
                + " on conflict (petition_id, person_id) do nothing", c.id(), petitionId, persons, names, moments, notify, emails);
        // the stored count is written by SQL only (the entity never writes it)
        jdbc.update("update petition set signature_count = signature_count + ? where id = ?", added, petitionId);
        bulkNanos += System.nanoTime() - began;
        return added;
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
