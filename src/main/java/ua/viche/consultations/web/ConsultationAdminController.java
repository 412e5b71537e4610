package ua.viche.consultations.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.consultations.ConsultationsModule;
import ua.viche.consultations.domain.Consultation;
import ua.viche.consultations.domain.ConsultationModeration;
import ua.viche.consultations.domain.ConsultationPublishing;
import ua.viche.consultations.domain.ConsultationReporting;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.Contribution;
import ua.viche.consultations.domain.DraftSections;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Communities;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Officials' and moderators' consultation pages: publishing a consultation (typed or from a .docx),
 * a new version of the draft, the decision on each amendment, the report, the abuse reports and
 * hiding. A refused form comes back with what was typed (decision 0033).
 */
@Controller
@RequestMapping("/{community}/consultations")
class ConsultationAdminController {

    private final ConsultationPublishing publishing;
    private final ConsultationReporting reporting;
    private final ConsultationModeration moderation;
    private final ConsultationService consultations;
    private final AccessControl access;
    private final Communities communities;
    private final Clock clock;

    ConsultationAdminController(ConsultationPublishing publishing, ConsultationReporting reporting, ConsultationModeration moderation,
                                ConsultationService consultations, AccessControl access, Communities communities, Clock clock) {
        this.publishing = publishing;
        this.reporting = reporting;
        this.moderation = moderation;
        this.consultations = consultations;
        this.access = access;
        this.communities = communities;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        access.require(Role.OFFICIAL);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("departments", communities.departments());
        model.addAttribute("firstDay", today);
        model.addAttribute("lastDay", today.plusDays(ConsultationsModule.PERIOD_DAYS.value() - 1L));
        model.addAttribute("minimumDays", ConsultationsModule.PERIOD_DAYS.value());
        model.addAttribute("residencyRequired", ConsultationsModule.RESIDENCY_REQUIRED.value());
        model.addAttribute("minimumAge", ConsultationsModule.MINIMUM_AGE.value());
        return "consultations/form";
    }

    @Refusal.Back("/{community}/consultations/new")
    @PostMapping("/new")
    String publish(@PathVariable("community") String slug,
                   @RequestParam(name = "title", defaultValue = "") String title,
                   @RequestParam(name = "summary", defaultValue = "") String summary,
                   @RequestParam(name = "departmentId", required = false) @Nullable Long departmentId,
                   @RequestParam(name = "firstDay", defaultValue = "") String firstDay,
                   @RequestParam(name = "lastDay", defaultValue = "") String lastDay,
                   @RequestParam(name = "residencyRequired", defaultValue = "false") boolean residencyRequired,
                   @RequestParam(name = "minimumAge", defaultValue = "0") int minimumAge,
                   @RequestParam(name = "text", defaultValue = "") String text,
                   @RequestParam(name = "docx", required = false) @Nullable MultipartFile docx,
                   @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
                   RedirectAttributes redirect) throws IOException {
        access.require(Role.OFFICIAL);
        Consultation c = publishing.publish(new ConsultationPublishing.Draft(title, summary, departmentId,
                day(firstDay, "firstDay"), day(lastDay, "lastDay"), residencyRequired, minimumAge, sections(text, docx),
                FileStore.uploads(files)));
        redirect.addFlashAttribute("message", "consultation.publishedMessage");
        return "redirect:" + c.url(slug);
    }

    /** The draft from the uploaded .docx when one was sent, else from the typed Markdown. */
    private static List<DraftSections.Part> sections(String text, @Nullable MultipartFile docx) throws IOException {
        if (docx != null && !docx.isEmpty()) {
            return DraftSections.fromDocx(docx.getBytes());
        }
        return DraftSections.fromMarkdown(text);
    }

    private static LocalDate day(String value, String field) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.field(field, "consultation.error.date");
        }
    }

    @GetMapping("/" + ConsultationRefs.REF + "/version")
    String versionForm(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model) {
        access.require(Role.OFFICIAL);
        long id = ConsultationRefs.id(ref);
        Consultation c = consultations.visible(id);
        model.addAttribute("c", c);
        model.addAttribute("url", c.url(slug));
        model.addAttribute("text", DraftSections.toMarkdown(consultations.sections(id, c.getDraftVersion()).stream()
                .map(s -> new DraftSections.Part(s.heading(), s.body())).toList()));
        return "consultations/new-version";
    }

    @Refusal.Back("/{community}/consultations/{ref}/version")
    @PostMapping("/" + ConsultationRefs.REF + "/version")
    String newVersion(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                      @RequestParam(name = "text", defaultValue = "") String text,
                      @RequestParam(name = "docx", required = false) @Nullable MultipartFile docx,
                      RedirectAttributes redirect) throws IOException {
        access.require(Role.OFFICIAL);
        Consultation c = publishing.newVersion(ConsultationRefs.id(ref), sections(text, docx));
        redirect.addFlashAttribute("message", "consultation.versionPublished");
        return "redirect:" + c.url(slug) + "/versions/" + c.getDraftVersion();
    }

    @Refusal.Back("/{community}/consultations/{ref}")
    @PostMapping("/" + ConsultationRefs.REF + "/proposals/{proposal:\\d+}/decision")
    String decide(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                  @PathVariable("proposal") long proposalId, @RequestParam(name = "decision", defaultValue = "") String decision,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        Contribution.Decision d;
        try {
            d = Contribution.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw Refusal.field("decision", "consultation.error.decision");
        }
        reporting.decide(proposalId, d, reason);
        redirect.addFlashAttribute("message", "consultation.decidedMessage");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + proposalId;
    }

    @Refusal.Back("/{community}/consultations/{ref}/report")
    @PostMapping("/" + ConsultationRefs.REF + "/report")
    String publishReport(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                         @RequestParam(name = "reportText", defaultValue = "") String reportText,
                         @RequestParam(name = "finalText", defaultValue = "") String finalText, RedirectAttributes redirect) {
        Consultation c = reporting.publishReport(ConsultationRefs.id(ref), reportText, finalText);
        redirect.addFlashAttribute("message", "consultation.reportPublished");
        return "redirect:" + c.url(slug) + "/report";
    }

    @GetMapping("/moderation")
    String moderationPage(@PathVariable("community") String slug, Model model) {
        model.addAttribute("reports", moderation.reports());
        return "consultations/moderation";
    }

    @Refusal.Back("/{community}/consultations/{ref}")
    @PostMapping("/" + ConsultationRefs.REF + "/contributions/{contribution:\\d+}/hide")
    String hideContribution(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                            @PathVariable("contribution") long contributionId,
                            @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        moderation.hide(contributionId, reason);
        redirect.addFlashAttribute("message", "consultation.hiddenMessage");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + contributionId;
    }
}
