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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollModeration;
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
    private final PollModeration moderation;

    PollApi(PollService polls, PollResults results, Clock clock, PollModeration moderation) {
        this.moderation = moderation;
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

    record OptionItem(long id, String label, int count, int online, int paper, BigDecimal share, @Nullable BigDecimal meanPosition,
                      int borda) {}

    record QuestionItem(long id, int position, String section, String kind, String text, boolean required,
                        @Nullable Long showIfQuestion, @Nullable Long showIfOption, @Nullable Integer showIfAtLeast, int answered, int answeredOnline, int answeredOnPaper,
                        List<OptionItem> options, int other, @Nullable BigDecimal mean, List<Integer> distribution, List<String> texts,
                        int textCount) {}

    record ResultsItem(long id, String title, int respondents, int online, int paper, List<QuestionItem> questions) {}

    record TextsItem(long questionId, int page, int pages, int total, List<String> texts) {}

    @GetMapping("/{id:\\d{1,18}}/results")
    ResultsItem results(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Poll poll = polls.poll(id);
        if (!poll.resultsShown(Instant.now(clock))) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        return item(results.of(id));
    }

    /** A poll's results as the API and the open data give them. */
    static ResultsItem item(PollResults.Results r) {
        Poll poll = r.poll();
        return new ResultsItem(poll.id(), poll.title(), r.respondents(), r.online(), r.paper(), r.questions().stream()
                .map(q -> {
                    Poll.Question x = q.question();
                    return new QuestionItem(x.id(), x.position(), x.section(), x.kind().name().toLowerCase(Locale.ROOT), x.text(),
                            x.required(), x.showIfQuestion(), x.showIfOption(), x.showIfAtLeast(), q.answered(), q.answeredOnline(), q.answeredOnPaper(),
                            q.options().stream().map(o -> new OptionItem(o.id(), o.label(), o.count(), o.online(), o.paper(), o.share(),
                                    o.meanPosition(), o.borda())).toList(), q.other(), q.mean(), q.distribution(), q.texts(), q.textCount());
                })
                .toList());
    }

    /** A page (from 1) of a question's published free texts. */
    @GetMapping("/{id:\\d{1,18}}/questions/{question:\\d{1,18}}/texts")
    TextsItem texts(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("question") long question,
                    @RequestParam(name = "page", defaultValue = "1") int page) {
        Poll poll = polls.poll(id);
        if (!poll.resultsShown(Instant.now(clock))) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        PollModeration.Texts t = moderation.published(id, question, page - 1);
        return new TextsItem(question, t.page() + 1, t.pages(), t.total(), t.texts());
    }
}
