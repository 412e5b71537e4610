package ua.viche.consultations.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollResults;
import ua.viche.consultations.polls.PollService;
import ua.viche.platform.Csv;
import ua.viche.platform.NotFoundException;

/**
 * Polls as open data, for the polls whose results are public: results of every poll (CSV, JSON),
 * and anonymised responses (CSV: no person, no time, numbered by random ids); each also for one poll.
 */
@Controller
@RequestMapping("/{community}/polls")
class PollDataController {

    private static final List<String> RESULT_COLUMNS = List.of("poll_id", "poll_title", "question_id", "position", "section", "kind",
            "question", "option_id", "option", "respondents", "count", "online", "paper", "share_percent", "mean_position", "borda",
            "scale_mean");
    private static final List<String> RESPONSE_COLUMNS = List.of("poll_id", "response", "channel", "position", "question_id", "kind",
            "option_id", "option", "rank", "value", "text");

    private final PollService polls;
    private final PollResults results;
    private final Clock clock;

    PollDataController(PollService polls, PollResults results, Clock clock) {
        this.polls = polls;
        this.results = results;
        this.clock = clock;
    }

    private List<Poll> shown() {
        Instant now = Instant.now(clock);
        return polls.list().stream().filter(p -> p.resultsShown(now)).toList();
    }

    private Poll shown(long id) {
        Poll poll = polls.poll(id);
        if (!poll.resultsShown(Instant.now(clock))) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        return poll;
    }

    @GetMapping("/results.json")
    ResponseEntity<List<PollApi.ResultsItem>> resultsJson(@PathVariable("community") String slug) {
        List<PollApi.ResultsItem> items = new ArrayList<>();
        shown().forEach(p -> items.add(PollApi.item(results.of(p.id()))));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"polls-results.json\"").body(items);
    }

    @GetMapping("/results.csv")
    ResponseEntity<String> resultsCsv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(RESULT_COLUMNS);
        shown().forEach(p -> results(csv, results.of(p.id())));
        return csv(csv, "polls-results.csv");
    }

    @GetMapping("/{id:\\d{1,18}}/results.csv")
    ResponseEntity<String> pollResultsCsv(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Csv csv = new Csv().row(RESULT_COLUMNS);
        results(csv, results.of(shown(id).id()));
        return csv(csv, "poll-" + id + "-results.csv");
    }

    @GetMapping("/responses.csv")
    ResponseEntity<String> responsesCsv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(RESPONSE_COLUMNS);
        shown().forEach(p -> responses(csv, p.id()));
        return csv(csv, "polls-responses.csv");
    }

    @GetMapping("/{id:\\d{1,18}}/responses.csv")
    ResponseEntity<String> pollResponsesCsv(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Csv csv = new Csv().row(RESPONSE_COLUMNS);
        responses(csv, shown(id).id());
        return csv(csv, "poll-" + id + "-responses.csv");
    }

    /** A row for each option (and "other"), a row for each scale value, a row for a question without options. */
    private static void results(Csv csv, PollResults.Results r) {
        Poll p = r.poll();
        for (PollResults.QuestionResult q : r.questions()) {
            Poll.Question x = q.question();
            String kind = x.kind().name().toLowerCase(Locale.ROOT);
            for (PollResults.OptionResult o : q.options()) {
                csv.row(Arrays.asList(p.id(), p.title(), x.id(), x.position(), x.section(), kind, x.text(), o.id(), o.label(), q.answered(),
                        o.count(), o.online(), o.paper(), o.share(), o.meanPosition(), x.kind() == Poll.Kind.RANKING ? o.borda() : null,
                        null));
            }
            if (x.allowOther()) {
                csv.row(Arrays.asList(p.id(), p.title(), x.id(), x.position(), x.section(), kind, x.text(), null, "other", q.answered(),
                        q.other(), null, null, null, null, null, null));
            }
            for (int v = 1; v <= q.distribution().size(); v++) {
                csv.row(Arrays.asList(p.id(), p.title(), x.id(), x.position(), x.section(), kind, x.text(), null, String.valueOf(v),
                        q.answered(), q.distribution().get(v - 1), null, null, null, null, null, q.mean()));
            }
            if (x.kind() == Poll.Kind.TEXT) {
                csv.row(Arrays.asList(p.id(), p.title(), x.id(), x.position(), x.section(), kind, x.text(), null, null, q.answered(),
                        q.answered(), q.answeredOnline(), q.answeredOnPaper(), null, null, null, null));
            }
        }
    }

    private void responses(Csv csv, long pollId) {
        for (PollResults.ResponseRow a : results.responses(pollId)) {
            csv.row(Arrays.asList(pollId, a.response(), a.paper() ? "paper" : "online", a.position(), a.questionId(),
                    a.kind().toLowerCase(Locale.ROOT), a.optionId(), a.option(), a.rank(), a.value(), a.text()));
        }
    }

    private static ResponseEntity<String> csv(Csv csv, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv.toString());
    }
}
