package ua.viche.consultations.polls;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Polls of the current community: reading them with their questions, and an official creating one. */
@Service
public class PollService {

    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;

    PollService(JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** A question as an official writes it: options for the kinds that have them. */
    public record QuestionDraft(Poll.Kind kind, String text, boolean required, int maxChoices, int scaleMax, String lowLabel,
                                String highLabel, boolean allowOther, List<String> options) {}

    /** Creates a poll open from the start of {@code first} to the end of {@code last} (Kyiv days). */
    @Transactional
    public long create(String title, String description, LocalDate first, LocalDate last, boolean resultsLive,
                       boolean residencyRequired, int minimumAge, List<QuestionDraft> questions) {
        access.require(Role.OFFICIAL);
        return write(title, description, first.atStartOfDay(Dates.KYIV).toInstant(), Dates.endOfDay(last), resultsLive,
                residencyRequired, minimumAge, questions, Instant.now(clock));
    }

    /** Writes a poll (for {@link #create} and the demo, which writes past polls). */
    @Transactional
    public long write(String title, String description, Instant opens, Instant closes, boolean resultsLive, boolean residencyRequired,
                      int minimumAge, List<QuestionDraft> questions, Instant now) {
        if (title.isBlank() || title.length() > 300) {
            throw Refusal.field("title", "poll.error.title");
        }
        if (!closes.isAfter(opens)) {
            throw Refusal.field("last", "poll.error.period");
        }
        if (questions.isEmpty()) {
            throw Refusal.of("poll.error.noQuestions");
        }
        long community = CurrentCommunity.require().id();
        Long id = jdbc.queryForObject("insert into poll (community_id, title, description, opens_at, closes_at, results_live,"
                        + " residency_required, minimum_age, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                community, title.strip(), description.strip(), Timestamp.from(opens), Timestamp.from(closes), resultsLive,
                residencyRequired, minimumAge, Timestamp.from(now));
        int position = 1;
        for (QuestionDraft q : questions) {
            boolean options = q.kind() != Poll.Kind.SCALE && q.kind() != Poll.Kind.TEXT;
            if (q.text().isBlank() || options && q.options().size() < 2 || q.kind() == Poll.Kind.SCALE && q.scaleMax() != 5
                    && q.scaleMax() != 10) {
                throw Refusal.of("poll.error.question", position);
            }
            Long qid = jdbc.queryForObject("insert into poll_question (community_id, poll_id, position, kind, text, required, max_choices,"
                            + " scale_max, low_label, high_label, allow_other) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                    Long.class, community, id, position++, q.kind().name(), q.text().strip(), q.required(),
                    q.kind() == Poll.Kind.MULTIPLE ? Math.max(1, q.maxChoices()) : null,
                    q.kind() == Poll.Kind.SCALE ? q.scaleMax() : null, q.lowLabel(), q.highLabel(), q.allowOther());
            int o = 1;
            for (String label : options ? q.options() : List.<String>of()) {
                jdbc.update("insert into poll_option (community_id, question_id, position, label) values (?, ?, ?, ?)",
                        community, qid, o++, label.strip());
            }
        }
        if (AccessControl.currentUser().isPresent()) {
            audit.record("poll.created", "poll", id, title);
        }
        return id == null ? 0 : id;
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
                        + " coalesce(scale_max, 0), coalesce(low_label, ''), coalesce(high_label, ''), allow_other from poll_question"
                        + " where poll_id = ? and community_id = ? order by position",
                (rs, i) -> new Poll.Question(rs.getLong(1), rs.getInt(2), Poll.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        List.copyOf(options.getOrDefault(rs.getLong(1), List.of()))), id, community);
        return jdbc.query("select id, title, description, opens_at, closes_at, results_live, residency_required, minimum_age,"
                        + " hidden_at is not null from poll where id = ? and community_id = ? and hidden_at is null",
                (rs, i) -> new Poll(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), rs.getBoolean(9), questions),
                id, community).stream().findFirst().orElseThrow(() -> new NotFoundException("poll.error.notFound"));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
