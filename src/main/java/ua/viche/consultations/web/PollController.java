package ua.viche.consultations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollAnswering;
import ua.viche.consultations.polls.PollModeration;
import ua.viche.consultations.polls.PollResults;
import ua.viche.consultations.polls.PollService;
import ua.viche.consultations.polls.PollSubmission;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Numbers;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/** Poll pages: the list, a poll with its form (or why one may not answer), answering, and the results with charts and tables. */
@Refusal.Back({"/{community}/polls/{id}", "/{community}/polls"})
@Controller
@RequestMapping("/{community}/polls")
class PollController {

    private final PollService polls;
    private final PollAnswering answering;
    private final PollResults results;
    private final Charts charts;
    private final RateLimiter limiter;
    private final Clock clock;

    private final PollModeration moderation;
    private final AccessControl access;

    PollController(PollService polls, PollAnswering answering, PollResults results, Charts charts, RateLimiter limiter, Clock clock,
                   PollModeration moderation, AccessControl access) {
        this.moderation = moderation;
        this.access = access;
        this.polls = polls;
        this.answering = answering;
        this.results = results;
        this.charts = charts;
        this.limiter = limiter;
        this.clock = clock;
    }

    @GetMapping
    String list(@PathVariable("community") String slug, Model model) {
        model.addAttribute("polls", polls.list());
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL));
        return "polls/list";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Poll poll = polls.poll(id);
        model.addAttribute("poll", poll);
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("participation", answering.participation(poll));
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL));
        model.addAttribute("isModerator", access.currentUserHas(Role.MODERATOR) || access.currentUserHas(Role.OFFICIAL));
        model.addAttribute("answered", polls.answered(id));
        return "polls/show";
    }

    @PostMapping("/{id:\\d{1,18}}")
    String answer(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        limiter.consume(RateLimiter.SIGN, "account-" + AccessControl.requireUser().accountId());
        answering.answer(id, PollSubmission.of(request.getParameterMap()));
        redirect.addFlashAttribute("message", "poll.answeredMessage");
        return "redirect:/" + slug + "/polls/" + id;
    }

    @GetMapping("/{id:\\d{1,18}}/results")
    String results(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Poll poll = polls.poll(id);
        Instant now = Instant.now(clock);
        if (!poll.resultsShown(now)) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        PollResults.Results r = results.of(id);
        model.addAttribute("results", r);
        model.addAttribute("poll", poll);
        model.addAttribute("charts", charts(r));
        return "polls/results";
    }

    @GetMapping("/{id:\\d{1,18}}/questions/{question:\\d{1,18}}/texts")
    String texts(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("question") long question,
                 @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        Poll poll = polls.poll(id);
        if (!poll.resultsShown(Instant.now(clock))) {
            throw new NotFoundException("poll.error.resultsLater");
        }
        model.addAttribute("poll", poll);
        model.addAttribute("texts", moderation.published(id, question, page - 1));
        return "polls/texts";
    }

    /** A chart for each question with options or a scale, by the question's id; its table is the same numbers. */
    private Map<Long, Chart> charts(PollResults.Results r) {
        Map<Long, Chart> out = new HashMap<>();
        for (PollResults.QuestionResult q : r.questions()) {
            Poll.Question question = q.question();
            String description = charts.text("poll.chart.description", q.answered());
            if (question.kind() == Poll.Kind.SCALE) {
                List<String> labels = new ArrayList<>();
                for (int v = 1; v <= question.scaleMax(); v++) {
                    labels.add(String.valueOf(v));
                }
                out.put(question.id(), Chart.of("q" + question.id(), Chart.Kind.BAR, question.text(), description, labels,
                        List.of(charts.series("poll.chart.answers", q.distribution())), Numbers.locale()));
            } else if (question.kind() != Poll.Kind.TEXT) {
                List<String> labels = q.options().stream().map(PollResults.OptionResult::label).toList();
                List<Integer> values = question.kind() == Poll.Kind.RANKING
                        ? q.options().stream().map(PollResults.OptionResult::borda).toList()
                        : q.options().stream().map(PollResults.OptionResult::count).toList();
                out.put(question.id(), Chart.of("q" + question.id(), Chart.Kind.BAR, question.text(), description, labels,
                        List.of(charts.series(question.kind() == Poll.Kind.RANKING ? "poll.chart.borda" : "poll.chart.answers", values)),
                        Numbers.locale()));
            }
        }
        return out;
    }
}
