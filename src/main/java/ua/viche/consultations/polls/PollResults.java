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
 * texts a moderator published.
 */
@Service
public class PollResults {

    private final JdbcTemplate jdbc;
    private final PollService polls;

    PollResults(JdbcTemplate jdbc, PollService polls) {
        this.jdbc = jdbc;
        this.polls = polls;
    }

    /** One option's figures: respondents who chose it and their share of the question's respondents; for a ranking, mean position and Borda. */
    public record OptionResult(long id, String label, int count, BigDecimal share, @Nullable BigDecimal meanPosition, int borda) {}

    public record QuestionResult(Poll.Question question, int answered, List<OptionResult> options, int other,
                                 @Nullable BigDecimal mean, List<Integer> distribution, List<String> texts) {}

    public record Results(Poll poll, int respondents, int online, int paper, List<QuestionResult> questions) {}

    @Transactional(readOnly = true)
    public Results of(long pollId) {
        Poll poll = polls.poll(pollId);
        long community = CurrentCommunity.require().id();
        int[] counts = jdbc.queryForObject("select count(*) filter (where not paper), count(*) filter (where paper) from poll_response"
                + " where poll_id = ? and community_id = ?", (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, pollId, community);
        List<QuestionResult> results = new ArrayList<>();
        for (Poll.Question q : poll.questions()) {
            int answered = jdbc.queryForObject("select count(distinct response_id) from poll_answer where question_id = ?", Integer.class,
                    q.id());
            Map<Long, Integer> byOption = new HashMap<>();
            Map<Long, double[]> ranking = new HashMap<>();
            jdbc.query("select option_id, count(*), avg(rank), sum(?::int + 1 - rank) from poll_answer where question_id = ?"
                    + " and option_id is not null group by option_id", rs -> {
                        byOption.put(rs.getLong(1), rs.getInt(2));
                        ranking.put(rs.getLong(1), new double[] {rs.getDouble(3), rs.getInt(4)});
                    }, q.options().size(), q.id());
            List<OptionResult> options = new ArrayList<>();
            for (Poll.Option o : q.options()) {
                int n = byOption.getOrDefault(o.id(), 0);
                double[] r = ranking.get(o.id());
                boolean ranked = q.kind() == Poll.Kind.RANKING && r != null;
                options.add(new OptionResult(o.id(), o.label(), n, share(n, answered),
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
            List<String> texts = q.kind() == Poll.Kind.TEXT ? jdbc.queryForList("select text from poll_answer where question_id = ?"
                    + " and published and text is not null order by text limit 200", String.class, q.id()) : List.of();
            results.add(new QuestionResult(q, answered, options, other, mean, distribution, texts));
        }
        return new Results(poll, counts[0] + counts[1], counts[0], counts[1], results);
    }

    private static BigDecimal share(int n, int of) {
        return of == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }
}
