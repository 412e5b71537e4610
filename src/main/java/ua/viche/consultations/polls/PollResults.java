package ua.viche.consultations.polls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.CurrentCommunity;

/**
 * A poll's results from the responses alone (never from who took part): respondents (online and on
 * paper), for each question the count and share of respondents per option, the other answers' count,
 * a ranking's mean position and Borda score per option, a scale's mean and distribution, and the free
 * texts a moderator published (the first of them; the rest are paged).
 */
@Service
public class PollResults {

    private final JdbcTemplate jdbc;
    private final PollService polls;
    private final PollModeration moderation;

    PollResults(JdbcTemplate jdbc, PollService polls, PollModeration moderation) {
        this.jdbc = jdbc;
        this.polls = polls;
        this.moderation = moderation;
    }

    /** How many published texts the results page shows of each question before the link to all of them. */
    public static final int TEXTS_SHOWN = 20;

    /**
     * One option's figures: respondents who chose it (of them on paper, so online is the difference) and
     * their share of the question's respondents; for a ranking, mean position and Borda.
     */
    public record OptionResult(long id, String label, int count, int paper, BigDecimal share, @Nullable BigDecimal meanPosition,
                               int borda) {

        public int online() {
            return count - paper;
        }
    }

    /**
     * A question's figures: respondents who answered it (of them on paper), per option, "other" answers,
     * a scale's mean and distribution, and the first published texts with how many are published in all.
     */
    public record QuestionResult(Poll.Question question, int answered, int answeredOnPaper, List<OptionResult> options, int other,
                                 @Nullable BigDecimal mean, List<Integer> distribution, List<String> texts, int textCount) {

        public int answeredOnline() {
            return answered - answeredOnPaper;
        }
    }

    public record Results(Poll poll, int respondents, int online, int paper, List<QuestionResult> questions) {}

    @Transactional(readOnly = true)
    public Results of(long pollId) {
        Poll poll = polls.poll(pollId);
        long community = CurrentCommunity.require().id();
        int[] counts = jdbc.queryForObject("select count(*) filter (where not paper), count(*) filter (where paper) from poll_response"
                + " where poll_id = ? and community_id = ?", (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, pollId, community);
        List<QuestionResult> results = new ArrayList<>();
        for (Poll.Question q : poll.questions()) {
            int[] answered = jdbc.queryForObject("select count(distinct a.response_id), count(distinct a.response_id) filter (where r.paper)"
                    + " from poll_answer a join poll_response r on r.id = a.response_id where a.question_id = ?",
                    (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, q.id());
            Map<Long, int[]> byOption = new HashMap<>();
            Map<Long, double[]> ranking = new HashMap<>();
            jdbc.query("select a.option_id, count(*), count(*) filter (where r.paper), avg(a.rank), sum(?::int + 1 - a.rank)"
                    + " from poll_answer a join poll_response r on r.id = a.response_id where a.question_id = ?"
                    + " and a.option_id is not null group by a.option_id", rs -> {
                        byOption.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                        ranking.put(rs.getLong(1), new double[] {rs.getDouble(4), rs.getInt(5)});
                    }, q.options().size(), q.id());
            List<OptionResult> options = new ArrayList<>();
            for (Poll.Option o : q.options()) {
                int[] n = byOption.getOrDefault(o.id(), new int[2]);
                double[] r = ranking.get(o.id());
                boolean ranked = q.kind() == Poll.Kind.RANKING && r != null;
                options.add(new OptionResult(o.id(), o.label(), n[0], n[1], share(n[0], answered[0]),
                        ranked ? BigDecimal.valueOf(r[0]).setScale(2, RoundingMode.HALF_UP) : null, ranked ? (int) r[1] : 0));
            }
            int other = q.choice() ? jdbc.queryForObject("select count(*) from poll_answer where question_id = ? and option_id is null"
                    + " and text is not null", Integer.class, q.id()) : 0;
            BigDecimal mean = null;
            List<Integer> distribution = new ArrayList<>();
            if (q.kind() == Poll.Kind.SCALE) {
                int[] by = new int[q.scaleMax() + 1];
                jdbc.query("select value, count(*) from poll_answer where question_id = ? and value is not null group by value",
                        rs -> { by[rs.getInt(1)] = rs.getInt(2); }, q.id());
                long sum = 0;
                int n = 0;
                for (int v = 1; v <= q.scaleMax(); v++) {
                    distribution.add(by[v]);
                    sum += (long) v * by[v];
                    n += by[v];
                }
                mean = n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
            }
            PollModeration.Texts texts = q.kind() == Poll.Kind.TEXT || q.allowOther() ? moderation.texts(q, 0, TEXTS_SHOWN) : null;
            results.add(new QuestionResult(q, answered[0], answered[1], options, other, mean, distribution,
                    texts == null ? List.of() : texts.texts(), texts == null ? 0 : texts.total()));
        }
        return new Results(poll, counts[0] + counts[1], counts[0], counts[1], results);
    }

    /**
     * One answer of the anonymised responses: the response's number in this list (responses are listed
     * by their random ids, so the number says nothing of who answered or when), whether it was on paper,
     * the question, and what was answered; a free text only once it is published (others are left out).
     */
    public record ResponseRow(int response, boolean paper, int position, long questionId, String kind, @Nullable Long optionId,
                              @Nullable String option, @Nullable Integer rank, @Nullable Integer value, @Nullable String text) {}

    @Transactional(readOnly = true)
    public List<ResponseRow> responses(long pollId) {
        Poll poll = polls.poll(pollId);
        return jdbc.query("select dense_rank() over (order by r.id), r.paper, q.position, q.id, q.kind, a.option_id, o.label, a.rank,"
                        + " a.value, a.text from poll_response r join poll_answer a on a.response_id = r.id"
                        + " join poll_question q on q.id = a.question_id left join poll_option o on o.id = a.option_id"
                        + " where r.poll_id = ? and r.community_id = ? and (a.text is null or a.published)"
                        + " order by r.id, q.position, o.position nulls last",
                (rs, i) -> new ResponseRow(rs.getInt(1), rs.getBoolean(2), rs.getInt(3), rs.getLong(4), rs.getString(5),
                        rs.getObject(6, Long.class), rs.getString(7), rs.getObject(8, Integer.class), rs.getObject(9, Integer.class),
                        rs.getString(10)), poll.id(), CurrentCommunity.require().id());
    }

    private static BigDecimal share(int n, int of) {
        return of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
