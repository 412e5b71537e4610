package ua.viche.consultations.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.consultations.ConsultationsModule;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollAnswering;
import ua.viche.consultations.polls.PollModeration;
import ua.viche.consultations.polls.PollService;
import ua.viche.consultations.polls.PollSubmission;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Dates;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Officials' poll pages: a new poll and changing one nobody has answered yet (questions of every
 * kind, sections, conditions), entering a response collected on paper, and moderating free texts.
 * A refused form comes back with what was typed (decision 0033).
 */
@Controller
@RequestMapping("/{community}/polls")
class PollAdminController {

    private final PollService polls;
    private final PollAnswering answering;
    private final PollModeration moderation;
    private final AccessControl access;
    private final Clock clock;

    PollAdminController(PollService polls, PollAnswering answering, PollModeration moderation, AccessControl access, Clock clock) {
        this.polls = polls;
        this.answering = answering;
        this.moderation = moderation;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        access.require(Role.OFFICIAL);
        LocalDate today = LocalDate.now(clock.withZone(Dates.KYIV));
        model.addAttribute("editing", false);
        model.addAttribute("values", new PollService.PollDraft("", "", today, today.plusDays(14), false, true,
                ConsultationsModule.RESIDENCY_REQUIRED.value(), ConsultationsModule.MINIMUM_AGE.value(), List.of()));
        model.addAttribute("slots", PollForm.slots(List.of()));
        model.addAttribute("kinds", Poll.Kind.values());
        return "polls/form";
    }

    @Refusal.Back("/{community}/polls/new")
    @PostMapping("/new")
    String create(@PathVariable("community") String slug, HttpServletRequest request, RedirectAttributes redirect) {
        access.require(Role.OFFICIAL);
        long id = polls.create(PollForm.read(request.getParameterMap()));
        redirect.addFlashAttribute("message", "poll.createdMessage");
        return "redirect:/" + slug + "/polls/" + id;
    }

    @GetMapping("/{id:\\d{1,18}}/edit")
    String editForm(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        access.require(Role.OFFICIAL);
        Poll poll = polls.poll(id);
        model.addAttribute("editing", true);
        model.addAttribute("poll", poll);
        model.addAttribute("answered", polls.answered(id));
        model.addAttribute("values", new PollService.PollDraft(poll.title(), poll.description(), Dates.day(poll.opensAt()),
                Dates.day(poll.closesAt()), poll.resultsLive(), poll.verifiedOnly(), poll.residencyRequired(), poll.minimumAge(),
                List.of()));
        model.addAttribute("slots", PollForm.slots(poll.questions().stream().map(q -> PollService.QuestionDraft.of(poll, q)).toList()));
        model.addAttribute("kinds", Poll.Kind.values());
        return "polls/form";
    }

    @Refusal.Back("/{community}/polls/{id}/edit")
    @PostMapping("/{id:\\d{1,18}}/edit")
    String update(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        access.require(Role.OFFICIAL);
        polls.update(id, PollForm.read(request.getParameterMap()));
        redirect.addFlashAttribute("message", "poll.changedMessage");
        return "redirect:/" + slug + "/polls/" + id;
    }

    @GetMapping("/{id:\\d{1,18}}/paper")
    String paperForm(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        access.require(Role.OFFICIAL);
        model.addAttribute("poll", polls.poll(id));
        model.addAttribute("now", Instant.now(clock));
        return "polls/paper";
    }

    @Refusal.Back("/{community}/polls/{id}/paper")
    @PostMapping("/{id:\\d{1,18}}/paper")
    String enterPaper(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletRequest request,
                      RedirectAttributes redirect) {
        answering.enterPaper(id, PollSubmission.of(request.getParameterMap()));
        redirect.addFlashAttribute("message", "poll.paperEnteredMessage");
        return "redirect:/" + slug + "/polls/" + id + "/paper";
    }

    @GetMapping("/{id:\\d{1,18}}/moderation")
    String moderationPage(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("pending", moderation.pending(id));
        model.addAttribute("poll", polls.poll(id));
        return "polls/moderation";
    }

    @Refusal.Back("/{community}/polls/{id}/moderation")
    @PostMapping("/{id:\\d{1,18}}/moderation")
    String decide(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        String answer = request.getParameter("answer");
        String decision = request.getParameter("decision");
        if (answer == null || !"publish".equals(decision) && !"hide".equals(decision)) {
            throw Refusal.badInput("poll.error.badInput");
        }
        moderation.decide(id, answer, "publish".equals(decision));
        redirect.addFlashAttribute("message", "publish".equals(decision) ? "poll.textPublishedMessage" : "poll.textHiddenMessage");
        return "redirect:/" + slug + "/polls/" + id + "/moderation";
    }
}
