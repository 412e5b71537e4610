package ua.viche.consultations.polls;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.search.SearchIndexing;

/** Polls of the current community: reading them with their questions, and an official creating one. */
@Service
public class PollService {

    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;
    private final PollEntryRepository entries;
    private final SearchIndexing searchIndexing;

    PollService(JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock, PollEntryRepository entries,
                SearchIndexing searchIndexing) {
        this.entries = entries;
        this.searchIndexing = searchIndexing;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A question as an official writes it: options for the kinds that have them, the section it belongs
     * to (empty: none), and its condition by positions from 1: asked only when the earlier choice
     * question {@code showIfQuestion} has its option {@code showIfOption} chosen, or, when that
     * question is a scale, when it was answered with at least {@code showIfOption} (0 and 0: always).
     */
    public record QuestionDraft(Poll.Kind kind, String text, boolean required, int maxChoices, int scaleMax, String lowLabel,
                                String highLabel, boolean allowOther, List<String> options, String section, int showIfQuestion,
                                int showIfOption) {

        public QuestionDraft(Poll.Kind kind, String text, boolean required, int maxChoices, int scaleMax, String lowLabel,
                             String highLabel, boolean allowOther, List<String> options) {
            this(kind, text, required, maxChoices, scaleMax, lowLabel, highLabel, allowOther, options, "", 0, 0);
        }

        /** The draft of a question as it is now (the edit form). */
        public static QuestionDraft of(Poll poll, Poll.Question q) {
            Optional<Poll.Condition> c = poll.condition(q);
            return new QuestionDraft(q.kind(), q.text(), q.required(), q.maxChoices(), q.scaleMax(), q.lowLabel(), q.highLabel(),
                    q.allowOther(), q.options().stream().map(Poll.Option::label).toList(), q.section(),
                    c.map(x -> x.question().position()).orElse(0),
                    c.map(x -> x.option() != null ? x.option().position() : x.atLeast()).orElse(0));
        }
    }

    /**
     * What an official sends for a poll: its texts, period, when results show, who may answer (only
     * people at the community's assurance level, or anyone signed in with a confirmed e-mail; residents
     * only; a minimum age), and its questions.
     */
    public record PollDraft(String title, String description, LocalDate first, LocalDate last, boolean resultsLive,
                            boolean verifiedOnly, boolean residencyRequired, int minimumAge, List<QuestionDraft> questions) {}

    /** Creates a poll open from the start of {@code first} to the end of {@code last} (Kyiv days). */
    @Transactional
    public long create(String title, String description, LocalDate first, LocalDate last, boolean resultsLive,
                       boolean residencyRequired, int minimumAge, List<QuestionDraft> questions) {
        return create(new PollDraft(title, description, first, last, resultsLive, true, residencyRequired, minimumAge, questions));
    }

    @Transactional
    public long create(PollDraft d) {
        access.require(Role.OFFICIAL);
        return write(d.title(), d.description(), d.first().atStartOfDay(Dates.KYIV).toInstant(), Dates.endOfDay(d.last()),
                d.resultsLive(), d.verifiedOnly(), d.residencyRequired(), d.minimumAge(), d.questions(), Instant.now(clock));
    }

    /**
     * Changes a poll and replaces its questions, while nobody has answered it (online or on paper):
     * answers are given to the questions as they were asked.
     */
    @Transactional
    public void update(long id, PollDraft d) {
        access.require(Role.OFFICIAL);
        long community = CurrentCommunity.require().id();
        Poll poll = poll(id);
        jdbc.queryForObject("select id from poll where id = ? and community_id = ? for update", Long.class, id, community);
        if (answered(poll.id())) {
            throw Refusal.conflict("poll.error.alreadyAnsweredEdit");
        }
        Instant opens = d.first().atStartOfDay(Dates.KYIV).toInstant();
        Instant closes = Dates.endOfDay(d.last());
        check(d.title(), opens, closes, d.minimumAge(), d.questions());
        jdbc.update("update poll set title = ?, description = ?, opens_at = ?, closes_at = ?, results_live = ?, verified_only = ?,"
                        + " residency_required = ?, minimum_age = ?, version = version + 1 where id = ? and community_id = ?",
                d.title().strip(), d.description().strip(), Timestamp.from(opens), Timestamp.from(closes), d.resultsLive(),
                d.verifiedOnly(), d.residencyRequired(), d.minimumAge(), id, community);
        jdbc.update("delete from poll_question where poll_id = ? and community_id = ?", id, community);
        questions(id, community, d.questions());
        entries.findById(id).ifPresent(searchIndexing::written);
        audit.record("poll.changed", "poll", id, d.title());
    }

    /**
     * Holds the poll's questions still for an answer being stored (a shared lock: answers do not wait
     * for each other, only for an official changing the questions, which takes the row exclusively).
     */
    void lockForAnswers(long id) {
        jdbc.query("select id from poll where id = ? and community_id = ? for share", rs -> {}, id, CurrentCommunity.require().id());
    }

    /** Whether anybody has answered the poll, online or on paper. */
    @Transactional(readOnly = true)
    public boolean answered(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from poll_response where poll_id = ?)"
                + " or exists (select 1 from poll_participant where poll_id = ?)", Boolean.class, id, id));
    }

    /** Writes a poll for people at the community's assurance level (the demo, which writes past polls). */
    @Transactional
    public long write(String title, String description, Instant opens, Instant closes, boolean resultsLive, boolean residencyRequired,
                      int minimumAge, List<QuestionDraft> questions, Instant now) {
        return write(title, description, opens, closes, resultsLive, true, residencyRequired, minimumAge, questions, now);
    }

    /** Writes a poll (for {@link #create} and the demo). */
    @Transactional
    public long write(String title, String description, Instant opens, Instant closes, boolean resultsLive, boolean verifiedOnly,
                      boolean residencyRequired, int minimumAge, List<QuestionDraft> questions, Instant now) {
        check(title, opens, closes, minimumAge, questions);
        long community = CurrentCommunity.require().id();
        Long id = jdbc.queryForObject("insert into poll (community_id, title, description, opens_at, closes_at, results_live,"
                        + " verified_only, residency_required, minimum_age, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, community, title.strip(), description.strip(), Timestamp.from(opens), Timestamp.from(closes), resultsLive,
                verifiedOnly, residencyRequired, minimumAge, Timestamp.from(now));
        long pollId = id == null ? 0 : id;
        questions(pollId, community, questions);
        entries.findById(pollId).ifPresent(searchIndexing::written);
        if (AccessControl.currentUser().isPresent()) {
            audit.record("poll.created", "poll", pollId, title);
        }
        return pollId;
    }

    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_OPTIONS = 30;

    /** Refuses a poll that cannot be asked: the first thing wrong, with the question's position. */
    private static void check(String title, Instant opens, Instant closes, int minimumAge, List<QuestionDraft> questions) {
        if (title.isBlank() || title.strip().length() > 300) {
            throw Refusal.field("title", "poll.error.title");
        }
        if (!closes.isAfter(opens)) {
            throw Refusal.field("last", "poll.error.period");
        }
        if (minimumAge < 0 || minimumAge > 120) {
            throw Refusal.field("minimumAge", "poll.error.minimumAge");
        }
        if (questions.isEmpty()) {
            throw Refusal.of("poll.error.noQuestions");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw Refusal.of("poll.error.tooManyQuestions", MAX_QUESTIONS);
        }
        int position = 1;
        for (QuestionDraft q : questions) {
            boolean options = q.kind() != Poll.Kind.SCALE && q.kind() != Poll.Kind.TEXT;
            if (q.text().isBlank() || q.text().strip().length() > 1000 || options && (q.options().size() < 2
                    || q.options().size() > MAX_OPTIONS || q.options().stream().anyMatch(o -> o.isBlank() || o.strip().length() > 300))
                    || q.kind() == Poll.Kind.SCALE && q.scaleMax() != 5 && q.scaleMax() != 10
                    || q.kind() == Poll.Kind.MULTIPLE && (q.maxChoices() < 1 || q.maxChoices() > q.options().size())
                    || q.section().strip().length() > 200 || q.lowLabel().length() > 200 || q.highLabel().length() > 200) {
                throw Refusal.of("poll.error.question", position);
            }
            if (q.showIfQuestion() != 0 || q.showIfOption() != 0) {
                int a = q.showIfQuestion();
                QuestionDraft on = a >= 1 && a < position ? questions.get(a - 1) : null;
                int most = on == null ? 0 : on.kind() == Poll.Kind.SCALE ? on.scaleMax()
                        : on.kind() == Poll.Kind.SINGLE || on.kind() == Poll.Kind.MULTIPLE ? on.options().size() : 0;
                if (q.showIfOption() < 1 || q.showIfOption() > most) {
                    throw Refusal.of("poll.error.condition", position);
                }
            }
            position++;
        }
    }

    private void questions(long pollId, long community, List<QuestionDraft> questions) {
        List<Long> ids = new ArrayList<>();
        List<List<Long>> optionIds = new ArrayList<>();
        int position = 1;
        for (QuestionDraft q : questions) {
            boolean options = q.kind() != Poll.Kind.SCALE && q.kind() != Poll.Kind.TEXT;
            boolean onScale = q.showIfQuestion() != 0 && questions.get(q.showIfQuestion() - 1).kind() == Poll.Kind.SCALE;
            Long showIfQuestion = q.showIfQuestion() == 0 ? null : ids.get(q.showIfQuestion() - 1);
            Long showIfOption = q.showIfQuestion() == 0 || onScale ? null : optionIds.get(q.showIfQuestion() - 1).get(q.showIfOption() - 1);
            Integer showIfAtLeast = onScale ? q.showIfOption() : null;
            Long qid = jdbc.queryForObject("insert into poll_question (community_id, poll_id, position, kind, text, required, max_choices,"
                            + " scale_max, low_label, high_label, allow_other, section, show_if_question_id, show_if_option_id,"
                            + " show_if_min_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                    Long.class, community, pollId, position++, q.kind().name(), q.text().strip(), q.required(),
                    q.kind() == Poll.Kind.MULTIPLE ? Math.max(1, q.maxChoices()) : null,
                    q.kind() == Poll.Kind.SCALE ? q.scaleMax() : null, q.lowLabel().strip(), q.highLabel().strip(),
                    options && q.allowOther() && q.kind() != Poll.Kind.RANKING, q.section().strip(), showIfQuestion, showIfOption,
                    showIfAtLeast);
            ids.add(qid);
            List<Long> mine = new ArrayList<>();
            int o = 1;
            for (String label : options ? q.options() : List.<String>of()) {
                mine.add(jdbc.queryForObject("insert into poll_option (community_id, question_id, position, label) values (?, ?, ?, ?)"
                        + " returning id", Long.class, community, qid, o++, label.strip()));
            }
            optionIds.add(mine);
        }
    }

    /** Polls of the community the public may see, newest first. */
    @Transactional(readOnly = true)
    public List<Poll> list() {
        List<Long> ids = jdbc.queryForList("select id from poll where community_id = ? and hidden_at is null order by opens_at desc, id desc",
                Long.class, CurrentCommunity.require().id());
        List<Poll> polls = new ArrayList<>();
        ids.forEach(id -> polls.add(poll(id)));
        return polls;
    }

    /** A visible poll of this community with its questions and options; 404 otherwise. */
    @Transactional(readOnly = true)
    public Poll poll(long id) {
        long community = CurrentCommunity.require().id();
        Map<Long, List<Poll.Option>> options = new HashMap<>();
        jdbc.query("select o.question_id, o.id, o.position, o.label from poll_option o join poll_question q on q.id = o.question_id"
                + " where q.poll_id = ? and o.community_id = ? order by o.question_id, o.position", rs -> {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Poll.Option(rs.getLong(2), rs.getInt(3),
                            rs.getString(4)));
                }, id, community);
        List<Poll.Question> questions = jdbc.query("select id, position, kind, text, required, coalesce(max_choices, 0),"
                        + " coalesce(scale_max, 0), coalesce(low_label, ''), coalesce(high_label, ''), allow_other, section,"
                        + " show_if_question_id, show_if_option_id, show_if_min_value from poll_question"
                        + " where poll_id = ? and community_id = ? order by position",
                (rs, i) -> new Poll.Question(rs.getLong(1), rs.getInt(2), Poll.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        List.copyOf(options.getOrDefault(rs.getLong(1), List.of())), rs.getString(11), rs.getObject(12, Long.class),
                        rs.getObject(13, Long.class), rs.getObject(14, Integer.class)), id, community);
        return jdbc.query("select id, title, description, opens_at, closes_at, results_live, verified_only, residency_required,"
                        + " minimum_age, hidden_at is not null from poll where id = ? and community_id = ? and hidden_at is null",
                (rs, i) -> new Poll(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9),
                        rs.getBoolean(10), questions),
                id, community).stream().findFirst().orElseThrow(() -> new NotFoundException("poll.error.notFound"));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
