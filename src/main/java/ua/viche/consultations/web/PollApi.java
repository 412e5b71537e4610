package ua.viche.consultations.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollResults;
import ua.viche.consultations.polls.PollService;
import ua.viche.platform.NotFoundException;

/** JSON twin of the poll pages: the list, and a poll's results (questions with options, counts, shares, respondents). */
@RestController
@RequestMapping("/api/v1/{community}/polls")
class PollApi {

    private final PollService polls;
    private final PollResults results;
    private final Clock clock;

    PollApi(PollService polls, PollResults results, Clock clock) {
        this.polls = polls;
        this.results = results;
        this.clock = clock;
    }

    record Item(long id, String title, String status, Instant opensAt, Instant closesAt, boolean resultsShown, String url) {}

    @GetMapping
    List<Item> list(@PathVariable("community") String slug) {
        Instant now = Instant.now(clock);
        return polls.list().stream().map(p -> new Item(p.id(), p.title(), p.phase(now).name().toLowerCase(Locale.ROOT), p.opensAt(),
                p.closesAt(), p.resultsShown(now), "/" + slug + "/polls/" + p.id())).toList();
    }

    record OptionItem(long id, String label, int count, BigDecimal share, @Nullable BigDecimal meanPosition, int borda) {}

    record QuestionItem(long id, String kind, String text, int answered, List<OptionItem> options, int other,
                        @Nullable BigDecimal mean, List<Integer> distribution, List<String> texts) {}

    record ResultsItem(long id, String title, int respondents, int online, int paper, List<QuestionItem> questions) {}

    @GetMapping("/{id:\\d{1,18}}/results")
    ResultsItem results(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Poll poll = polls.poll(id);
        if (!poll.resultsShown(Instant.now(clock))) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        PollResults.Results r = results.of(id);
        return new ResultsItem(poll.id(), poll.title(), r.respondents(), r.online(), r.paper(), r.questions().stream()
                .map(q -> new QuestionItem(q.question().id(), q.question().kind().name().toLowerCase(Locale.ROOT), q.question().text(),
                        q.answered(), q.options().stream().map(o -> new OptionItem(o.id(), o.label(), o.count(), o.share(),
                                o.meanPosition(), o.borda())).toList(), q.other(), q.mean(), q.distribution(), q.texts()))
                .toList());
    }
}
