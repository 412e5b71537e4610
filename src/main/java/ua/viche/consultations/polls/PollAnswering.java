package ua.viche.consultations.polls;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.AssuranceLevel;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Answering a poll: once per person, checked against the poll's questions (required answers, the
 * number of choices, options of the question only, ranks, the scale's range), and stored anonymously:
 * the person goes into {@code poll_participant} (poll and person, nothing else), the answers into a
 * response with a random id and no person, time or order, in the same transaction. The participant's
 * key makes a second response of the same person fail, however many are sent at once. The poll is
 * marked for {@link PollMixing}, which soon writes its responses again so that not even PostgreSQL's
 * own record of which transaction wrote a row joins a response to its participant.
 */
@Service
public class PollAnswering {

    static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_OPEN_YET, "poll.error.notOpenYet",
            Participation.Reason.CLOSED, "poll.error.closed",
            Participation.Reason.ALREADY_DONE, "poll.error.alreadyAnswered");

    public static final int MAX_TEXT = 2000;

    private final PollService polls;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final Clock clock;
    private final AccessControl access;
    private final AuditLog audit;

    PollAnswering(PollService polls, JdbcTemplate jdbc, Identity identity, Clock clock, AccessControl access, AuditLog audit) {
        this.audit = audit;
        this.polls = polls;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
        this.access = access;
    }

    /**
     * What answering the poll requires: the community's assurance level, or for a poll open to anyone
     * with an account a confirmed e-mail (never more than the community asks); residency when the poll
     * or the community asks it; the minimum age.
     */
    static Participation.Requirements requirements(Poll poll, Participation.Requirements community) {
        AssuranceLevel level = poll.verifiedOnly() || !community.level().atLeast(AssuranceLevel.EMAIL_CONFIRMED) ? community.level()
                : AssuranceLevel.EMAIL_CONFIRMED;
        return new Participation.Requirements(level, community.residency(), community.minimumAge());
    }

    /** Whether the signed-in person may answer the poll now (with the poll's wording of the reasons). */
    @Transactional(readOnly = true)
    public Participation.Answer participation(Poll poll) {
        Participation.Requirements required = requirements(poll, identity.requirements(poll.residencyRequired(), poll.minimumAge()));
        Participation.Participant who = identity.participant(required);
        boolean done = who.person() != null && Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from poll_participant"
                + " where poll_id = ? and person_id = ?)", Boolean.class, poll.id(), who.person().personId()));
        return Participation.decide(who, required, poll.answering(), Instant.now(clock), done).worded(WORDING);
    }

    /** Records the signed-in person's response; refuses a second one, bad answers and answers outside the period. */
    @Transactional
    public void answer(long pollId, PollSubmission sent) {
        polls.lockForAnswers(pollId);
        Poll poll = polls.poll(pollId);
        Identity.PersonRef person = participation(poll).require(Refusal::of).signedInPerson();
        List<Object[]> rows = rows(poll, sent);
        long community = CurrentCommunity.require().id();
        int added = jdbc.update("insert into poll_participant (poll_id, person_id, community_id) values (?, ?, ?) on conflict do nothing",
                pollId, person.personId(), community);
        if (added == 0) {
            throw Refusal.conflict("poll.error.alreadyAnswered");
        }
        store(poll, rows, false);
        PollMixing.mark(jdbc, pollId);
    }

    /**
     * A response collected on paper, entered by staff while the poll runs or after (forms come in late):
     * marked as such and counted apart; no person is recorded, and the audit says only that one was entered.
     */
    @Transactional
    public void enterPaper(long pollId, PollSubmission sent) {
        access.require(Role.OFFICIAL);
        polls.lockForAnswers(pollId);
        Poll poll = polls.poll(pollId);
        if (poll.phase(Instant.now(clock)) == Poll.Phase.ANNOUNCED) {
            throw Refusal.of("poll.error.notOpenYet");
        }
        store(poll, rows(poll, sent), true);
        audit.record("poll.paperEntered", "poll", pollId, poll.title());
    }

    private void store(Poll poll, List<Object[]> rows, boolean paper) {
        UUID response = UUID.randomUUID();
        jdbc.update("insert into poll_response (id, community_id, poll_id, paper) values (?, ?, ?, ?)", response,
                CurrentCommunity.require().id(), poll.id(), paper);
        for (Object[] row : rows) {
            row[0] = response;
        }
        jdbc.batchUpdate("insert into poll_answer (response_id, question_id, option_id, rank, value, text) values (?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** The answer rows of a submission (response id left empty), or the refusal of the first thing wrong with it. */
    static List<Object[]> rows(Poll poll, PollSubmission sent) {
        Set<Long> questions = new HashSet<>();
        poll.questions().forEach(q -> questions.add(q.id()));
        for (Long q : union(sent)) {
            if (!questions.contains(q)) {
                throw Refusal.badInput("poll.error.badInput");
            }
        }
        List<Object[]> rows = new ArrayList<>();
        Map<Long, Set<Long>> chosenBy = new HashMap<>();
        Map<Long, Integer> scaleOf = new HashMap<>();
        for (Poll.Question q : poll.questions()) {
            String field = "q" + q.id();
            if (q.conditional() && !(q.showIfAtLeast() != null
                    ? scaleOf.getOrDefault(q.showIfQuestion(), 0) >= q.showIfAtLeast()
                    : chosenBy.getOrDefault(q.showIfQuestion(), Set.of()).contains(q.showIfOption()))) {
                continue; // not asked: its condition is not met, so whatever was sent for it is ignored
            }
            Set<Long> options = new HashSet<>();
            q.options().forEach(o -> options.add(o.id()));
            int before = rows.size();
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> {
                    List<Long> chosen = sent.choices().getOrDefault(q.id(), List.of());
                    if (chosen.stream().anyMatch(o -> !options.contains(o)) || new HashSet<>(chosen).size() != chosen.size()) {
                        throw Refusal.badInput("poll.error.badInput");
                    }
                    String other = sent.others().getOrDefault(q.id(), "").strip();
                    if (!other.isEmpty() && !q.allowOther()) {
                        throw Refusal.badInput("poll.error.badInput");
                    }
                    if (other.length() > MAX_TEXT) {
                        throw Refusal.field(field, "poll.error.textTooLong", MAX_TEXT);
                    }
                    int count = chosen.size() + (other.isEmpty() ? 0 : 1);
                    int max = q.kind() == Poll.Kind.SINGLE ? 1 : q.maxChoices();
                    if (count > max) {
                        throw Refusal.field(field, "poll.error.tooManyChoices", max);
                    }
                    chosenBy.put(q.id(), new HashSet<>(chosen));
                    chosen.forEach(o -> rows.add(new Object[] {null, q.id(), o, null, null, null}));
                    if (!other.isEmpty()) {
                        rows.add(new Object[] {null, q.id(), null, null, null, other});
                    }
                }
                case RANKING -> {
                    Map<Long, Integer> ranks = sent.ranks().getOrDefault(q.id(), Map.of());
                    Set<Integer> used = new HashSet<>();
                    for (Map.Entry<Long, Integer> r : ranks.entrySet()) {
                        if (!options.contains(r.getKey())) {
                            throw Refusal.badInput("poll.error.badInput");
                        }
                        if (r.getValue() < 1 || r.getValue() > options.size() || !used.add(r.getValue())) {
                            throw Refusal.field(field, "poll.error.ranks", options.size());
                        }
                    }
                    if (!ranks.isEmpty() && ranks.size() != options.size()) {
                        throw Refusal.field(field, "poll.error.ranks", options.size());
                    }
                    ranks.forEach((o, r) -> rows.add(new Object[] {null, q.id(), o, r, null, null}));
                }
                case SCALE -> {
                    Integer value = sent.scales().get(q.id());
                    if (value != null) {
                        if (value < 1 || value > q.scaleMax()) {
                            throw Refusal.field(field, "poll.error.scale", q.scaleMax());
                        }
                        rows.add(new Object[] {null, q.id(), null, null, value, null});
                        scaleOf.put(q.id(), value);
                    }
                }
                case TEXT -> {
                    String text = sent.texts().getOrDefault(q.id(), "").strip();
                    if (text.length() > MAX_TEXT) {
                        throw Refusal.field(field, "poll.error.textTooLong", MAX_TEXT);
                    }
                    if (!text.isEmpty()) {
                        rows.add(new Object[] {null, q.id(), null, null, null, text});
                    }
                }
                default -> throw new IllegalStateException(q.kind().name());
            }
            if (q.required() && rows.size() == before) {
                throw Refusal.field(field, "poll.error.required", q.position());
            }
        }
        if (rows.isEmpty()) {
            throw Refusal.of("poll.error.empty");
        }
        return rows;
    }

    private static Set<Long> union(PollSubmission s) {
        Set<Long> all = new HashSet<>(s.choices().keySet());
        all.addAll(s.others().keySet());
        all.addAll(s.ranks().keySet());
        all.addAll(s.scales().keySet());
        all.addAll(s.texts().keySet());
        return all;
    }
}
