package ua.viche.budget.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.budget.domain.BudgetFigures;
import ua.viche.budget.domain.BudgetService;
import ua.viche.budget.domain.BudgetVoting;
import ua.viche.budget.domain.Category;
import ua.viche.budget.domain.Cycle;
import ua.viche.budget.domain.Project;
import ua.viche.budget.domain.ProjectAuthoring;
import ua.viche.budget.domain.ProjectImplementation;
import ua.viche.budget.domain.ProjectReview;
import ua.viche.budget.results.Line;
import ua.viche.budget.results.Outcome;
import ua.viche.platform.AccessControl;
import ua.viche.platform.ActionOutcome;
import ua.viche.platform.Attachments;
import ua.viche.platform.Chart;
import ua.viche.platform.Charts;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.RichText;
import ua.viche.platform.Role;

/** The public budget pages and the residents' actions: cycles, projects, submitting, supporting, voting, results. */
@Refusal.Back({"/{community}/budget/projects/{id}", "/{community}/budget"})
@Controller
@RequestMapping("/{community}/budget")
class BudgetController {

    private final BudgetService budget;
    private final ProjectAuthoring authoring;
    private final ProjectReview review;
    private final ProjectImplementation implementation;
    private final BudgetVoting voting;
    private final BudgetFigures figures;
    private final AccessControl access;
    private final Communities communities;
    private final RateLimiter limiter;
    private final Attachments attachments;
    private final RichText richText;
    private final Charts charts;

    BudgetController(BudgetService budget, ProjectAuthoring authoring, ProjectReview review, ProjectImplementation implementation,
                     BudgetVoting voting, BudgetFigures figures, AccessControl access, Communities communities, RateLimiter limiter,
                     Attachments attachments, RichText richText, Charts charts) {
        this.authoring = authoring;
        this.review = review;
        this.implementation = implementation;
        this.voting = voting;
        this.figures = figures;
        this.charts = charts;
        this.attachments = attachments;
        this.richText = richText;
        this.budget = budget;
        this.access = access;
        this.communities = communities;
        this.limiter = limiter;
    }

    @GetMapping
    String cycles(@PathVariable("community") String slug, Model model) {
        model.addAttribute("cycles", budget.cycles());
        model.addAttribute("today", budget.today());
        return "budget/cycles";
    }

    @GetMapping("/cycles/{id:\\d+}")
    @Refusal.Back({"/{community}/budget/cycles/{id}", "/{community}/budget"})
    String cycle(@PathVariable("community") String slug, @PathVariable("id") long id,
                 @RequestParam(name = "category", required = false) @Nullable Long category, Model model) {
        Cycle cycle = budget.cycle(id);
        List<Project> projects = budget.projects(id).stream()
                .filter(p -> category == null || p.getCategoryId() == category).toList();
        cycleModel(model, cycle);
        model.addAttribute("category", category);
        model.addAttribute("projects", projects);
        model.addAttribute("votes", figures.voteCounts(id));
        model.addAttribute("myVotes", budget.myVotes(id));
        model.addAttribute("figures", figures.figures(id));
        model.addAttribute("area", CurrentCommunity.require().area().orElse(null));
        return "budget/cycle";
    }

    @GetMapping("/cycles/{id:\\d+}/results")
    @Refusal.Back({"/{community}/budget/cycles/{id}", "/{community}/budget"})
    String results(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Cycle cycle = budget.cycle(id);
        cycleModel(model, cycle);
        Cycle.Phase phase = cycle.phase(budget.today());
        boolean open = phase == Cycle.Phase.COUNTING || phase == Cycle.Phase.RESULTS;
        model.addAttribute("resultsOpen", open);
        Map<Long, Outcome> outcomes = open ? figures.results(id) : Map.of();
        Map<Long, Project> projects = budget.projects(id).stream().collect(Collectors.toMap(Project::getId, Function.identity()));
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("projectsById", projects);
        Map<Long, Chart> votes = new HashMap<>();
        outcomes.forEach((category, outcome) -> votes.put(category, charts.bar("votes-" + category, "budget.results.chart",
                "budget.results.chart.description", "budget.project.votes",
                outcome.lines().stream().map(l -> projects.containsKey(l.projectId()) ? projects.get(l.projectId()).getTitle()
                        : String.valueOf(l.projectId())).toList(),
                outcome.lines().stream().map(Line::votes).toList())));
        model.addAttribute("voteCharts", votes);
        return "budget/results";
    }

    private void cycleModel(Model model, Cycle cycle) {
        List<Category> categories = budget.categories(cycle.getId());
        model.addAttribute("cycle", cycle);
        model.addAttribute("phase", cycle.phase(budget.today()).name());
        model.addAttribute("categories", categories);
        model.addAttribute("categoriesById", categories.stream().collect(Collectors.toMap(Category::getId, Function.identity())));
        model.addAttribute("total", categories.stream().mapToLong(Category::getAmount).sum());
        model.addAttribute("isAdmin", access.currentUserHas(Role.COMMUNITY_ADMIN));
        model.addAttribute("canRegisterPaper", access.currentUserHas(Role.CNAP_ADMINISTRATOR)
                || access.currentUserHas(Role.OFFICIAL) || access.currentUserHas(Role.COMMUNITY_ADMIN));
    }

    // ---- projects

    @GetMapping("/cycles/{id:\\d+}/projects/new")
    @Refusal.Back({"/{community}/budget/cycles/{id}", "/{community}/budget"})
    String newProject(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        AccessControl.requireUser();
        return form(model, budget.cycle(id), new ProjectForm(), null);
    }

    @PostMapping("/cycles/{id:\\d+}/projects")
    @Refusal.Back({"/{community}/budget/cycles/{id}", "/{community}/budget"})
    String create(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
                  @RequestParam(name = "action", defaultValue = "draft") String action,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                  RedirectAttributes redirect) throws IOException {
        AccessControl.requireUser();
        Cycle cycle = budget.cycle(id);
        if (errors.hasErrors()) {
            return form(model, cycle, form, null);
        }
        limiter.consume(RateLimiter.SUBMIT, "account-" + AccessControl.requireUser().accountId());
        Project p;
        try {
            p = authoring.draft(id, form.draft(), FileStore.uploads(photos));
            if ("submit".equals(action)) {
                p = authoring.submit(p.getId());
            }
        } catch (Refusal e) {
            model.addAttribute("formError", e.messageKey());
            return form(model, cycle, form, null);
        }
        redirect.addFlashAttribute("message", "submit".equals(action) ? "budget.project.submitted" : "budget.project.draftSaved");
        return "redirect:" + BudgetService.url(p);
    }

    @GetMapping("/projects/{id:\\d+}/edit")
    String editForm(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Project p = budget.visible(id);
        if (!budget.isAuthor(p) || p.getStatus() != Project.Status.DRAFT) {
            return "redirect:" + BudgetService.url(p);
        }
        return form(model, budget.cycle(p.getCycleId()), ProjectForm.of(p, budget.costLines(id)), p);
    }

    @PostMapping("/projects/{id:\\d+}/edit")
    String edit(@PathVariable("community") String slug, @PathVariable("id") long id,
                @Valid @ModelAttribute("form") ProjectForm form, BindingResult errors,
                @RequestParam(name = "action", defaultValue = "draft") String action,
                @RequestParam(name = "photos", required = false) List<MultipartFile> photos, Model model,
                RedirectAttributes redirect) throws IOException {
        Project p = budget.visible(id);
        Cycle cycle = budget.cycle(p.getCycleId());
        if (errors.hasErrors()) {
            return form(model, cycle, form, p);
        }
        try {
            p = authoring.edit(id, form.draft(), FileStore.uploads(photos));
            if ("submit".equals(action)) {
                p = authoring.submit(id);
            }
        } catch (Refusal e) {
            model.addAttribute("formError", e.messageKey());
            return form(model, cycle, form, p);
        }
        redirect.addFlashAttribute("message", "submit".equals(action) ? "budget.project.submitted" : "budget.project.draftSaved");
        return "redirect:" + BudgetService.url(p);
    }

    private String form(Model model, Cycle cycle, ProjectForm form, @Nullable Project project) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("phase", cycle.phase(budget.today()).name());
        model.addAttribute("categories", budget.categories(cycle.getId()));
        model.addAttribute("form", form);
        model.addAttribute("project", project);
        model.addAttribute("eligibility", authoring.eligibility(cycle));
        model.addAttribute("area", CurrentCommunity.require().area().orElse(null));
        return "budget/form";
    }

    @GetMapping("/projects/{id:\\d+}")
    String project(@PathVariable("community") String slug, @PathVariable("id") long id,
                   @RequestParam(name = "done", required = false) @Nullable String done, Model model) {
        BudgetService.ProjectPage page = budget.page(id);
        Project p = page.project();
        Cycle cycle = budget.cycle(p.getCycleId());
        cycleModel(model, cycle);
        model.addAttribute("project", p);
        model.addAttribute("descriptionHtml", richText.html(p.getDescription()));
        model.addAttribute("lines", page.lines());
        model.addAttribute("updates", page.updates());
        model.addAttribute("photos", page.photos());
        model.addAttribute("votes", page.votes());
        model.addAttribute("voted", page.voted());
        model.addAttribute("voting", page.voting());
        model.addAttribute("supporting", page.supporting());
        model.addAttribute("myVoteCount", page.myVoteCount());
        VOTING.show(model, done, page.voted());
        model.addAttribute("isAuthor", page.author());
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL) || access.currentUserHas(Role.COMMUNITY_ADMIN));
        model.addAttribute("departments", communities.departments());
        model.addAttribute("department", p.getDepartmentId() == null ? null : communities.department(p.getDepartmentId()).orElse(null));
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        return "budget/project";
    }

    @PostMapping("/projects/{id:\\d+}/submit")
    String submit(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        return done(authoring.submit(id), "budget.project.submitted", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/support")
    String support(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        AccessControl.requireUser();
        boolean added = voting.support(id);
        return done(id, added ? "budget.project.supported" : "budget.project.alreadySupported", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/vote")
    void vote(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletResponse response) throws IOException {
        AccessControl.requireUser();
        boolean added = voting.vote(id);
        backToVoting(response, slug, id, added ? "cast" : "already");
    }

    @PostMapping("/projects/{id:\\d+}/unvote")
    void unvote(@PathVariable("community") String slug, @PathVariable("id") long id, HttpServletResponse response) throws IOException {
        AccessControl.requireUser();
        voting.unvote(id);
        backToVoting(response, slug, id, "withdrawn");
    }

    /** Voting says its outcome through the address, so that a vote leaves the session untouched (decision 0023). */
    private static final ActionOutcome VOTING = new ActionOutcome("budget.vote.", Set.of("cast", "already"), Set.of("withdrawn"));

    private static void backToVoting(HttpServletResponse response, String slug, long projectId, String done) throws IOException {
        VOTING.redirect(response, "/" + slug + "/budget/projects/" + projectId, done, "vote");
    }

    @PostMapping("/projects/{id:\\d+}/reply")
    String reply(@PathVariable("community") String slug, @PathVariable("id") long id,
                 @RequestParam(name = "text", defaultValue = "") String text, RedirectAttributes redirect) {
        return done(authoring.reply(id, text), "budget.project.replied", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/assign")
    String assign(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "department", defaultValue = "0") long department, RedirectAttributes redirect) {
        return done(review.assign(id, department), "budget.project.assigned", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/review")
    String review(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "feasible", defaultValue = "") String feasible,
                  @RequestParam(name = "reason", defaultValue = "") String reason,
                  @ModelAttribute("revision") ProjectForm revision, RedirectAttributes redirect) {
        if (!feasible.equals("true") && !feasible.equals("false")) {
            throw Refusal.of("budget.error.feasibleChoice");
        }
        return done(review.review(id, Boolean.parseBoolean(feasible), reason, revision.costs()), "budget.project.reviewed", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/decision")
    String decision(@PathVariable("community") String slug, @PathVariable("id") long id,
                    @RequestParam(name = "text", defaultValue = "") String text, RedirectAttributes redirect) {
        return done(review.councilDecision(id, text), "budget.project.decided", redirect);
    }

    @PostMapping("/projects/{id:\\d+}/updates")
    String update(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "state", required = false) Project.@Nullable Implementation state,
                  @RequestParam(name = "spent", defaultValue = "") String spent,
                  @RequestParam(name = "text", defaultValue = "") String text,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  RedirectAttributes redirect) throws IOException {
        Long kopecks = null;
        if (!spent.isBlank()) {
            try {
                kopecks = Amounts.kopecks(spent);
            } catch (NumberFormatException | ArithmeticException e) {
                throw Refusal.of("budget.error.spent");
            }
        }
        return done(implementation.update(id, state, kopecks, text, FileStore.uploads(photos)), "budget.project.updated", redirect);
    }

    @GetMapping("/projects/{id:\\d+}/photos/{photo:\\d+}")
    ResponseEntity<InputStreamResource> photo(
            @PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("photo") long photoId)
            throws IOException {
        return attachments.download(budget.photo(id, photoId),
                CacheControl.maxAge(Duration.ofDays(1)).cachePrivate());
    }

    private static String done(Project p, String message, RedirectAttributes redirect) {
        return done(p.getId(), message, redirect);
    }

    private static String done(long projectId, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:/" + CurrentCommunity.require().slug() + "/budget/projects/" + projectId;
    }
}
