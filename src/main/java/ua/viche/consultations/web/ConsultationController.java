package ua.viche.consultations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.consultations.domain.Consultation;
import ua.viche.consultations.domain.ConsultationDiscussion;
import ua.viche.consultations.domain.ConsultationList;
import ua.viche.consultations.domain.ConsultationReportPdf;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.Contribution;
import ua.viche.consultations.domain.Section;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;
import ua.viche.platform.Csv;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.RichText;
import ua.viche.platform.Role;
import ua.viche.search.SiteSearch;

/**
 * The residents' consultation pages: the lists, a consultation with its sections and what was
 * written on them, commenting, proposing, replying, supporting, reporting abuse, the versions of
 * the draft against each other, the report (page and CSV) and the amendments as open data.
 */
@Refusal.Back({"/{community}/consultations/{ref}", "/{community}/consultations"})
@Controller
@RequestMapping("/{community}/consultations")
class ConsultationController {

    static final int PAGE = 20;

    private final ConsultationService consultations;
    private final ConsultationDiscussion discussion;
    private final AccessControl access;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Attachments attachments;
    private final RichText richText;
    private final Communities communities;

    private final ConsultationReportPdf reportPdf;

    ConsultationController(ConsultationService consultations, ConsultationDiscussion discussion, AccessControl access,
                           RateLimiter limiter, Clock clock, Attachments attachments,
                           RichText richText, Communities communities, ConsultationReportPdf reportPdf) {
        this.reportPdf = reportPdf;
        this.consultations = consultations;
        this.discussion = discussion;
        this.access = access;
        this.limiter = limiter;
        this.clock = clock;
        this.attachments = attachments;
        this.richText = richText;
        this.communities = communities;
    }

    @GetMapping
    String list(@PathVariable("community") String slug, @RequestParam(name = "list", defaultValue = "open") String list,
                @RequestParam(name = "q", defaultValue = "") String q,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        ConsultationList which = ConsultationList.parse(list);
        String query = words(q);
        Page<Consultation> found = query.isBlank() ? consultations.list(which, page, PAGE) : consultations.search(query, page);
        model.addAttribute("consultations", found);
        model.addAttribute("q", query);
        model.addAttribute("proposalCounts", consultations.proposalCounts(found.map(Consultation::getId).getContent()));
        model.addAttribute("list", which.key());
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL));
        model.addAttribute("isModerator", access.currentUserHas(Role.MODERATOR));
        return "consultations/list";
    }

    @GetMapping("/" + ConsultationRefs.REF)
    String show(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model) {
        ConsultationService.ConsultationPage page = consultations.page(ConsultationRefs.id(ref));
        Consultation c = page.consultation();
        if (!ref.equals(c.slug())) {
            return "redirect:" + c.url(slug);
        }
        model.addAttribute("page", page);
        model.addAttribute("html", html(page.sections().stream().map(ConsultationService.SectionView::section).toList()));
        model.addAttribute("c", c);
        model.addAttribute("url", c.url(slug));
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("stances", discussion.stances(c.getId()));
        model.addAttribute("department", c.getDepartmentId() == null ? null : communities.department(c.getDepartmentId()).orElse(null));
        model.addAttribute("decisions", Contribution.Decision.values());
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL));
        model.addAttribute("isModerator", access.currentUserHas(Role.MODERATOR));
        model.addAttribute("me", AccessControl.currentUser().isPresent());
        model.addAttribute("actingFor", AccessControl.currentUser().isPresent() ? discussion.organisations() : List.of());
        model.addAttribute("orgOf", consultations.organisationOf(c.getId()));
        return "consultations/show";
    }

    @GetMapping("/" + ConsultationRefs.REF + "/attachments/{attachment:\\d+}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                                                   @PathVariable("attachment") long attachmentId) throws IOException {
        return attachments.download(consultations.attachment(ConsultationRefs.id(ref), attachmentId), CacheControl.noCache());
    }

    @PostMapping("/" + ConsultationRefs.REF + "/comments")
    String comment(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                   @RequestParam(name = "sectionId") long sectionId, @RequestParam(name = "text", defaultValue = "") String text,
                   @RequestParam(name = "organisationId", required = false) @Nullable Long organisationId, RedirectAttributes redirect) {
        limit();
        long id = discussion.comment(ConsultationRefs.id(ref), sectionId, text, organisationId);
        redirect.addFlashAttribute("message", "consultation.commented");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + id;
    }

    @PostMapping("/" + ConsultationRefs.REF + "/proposals")
    String propose(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                   @RequestParam(name = "sectionId") long sectionId,
                   @RequestParam(name = "proposedText", defaultValue = "") String proposedText,
                   @RequestParam(name = "text", defaultValue = "") String text,
                   @RequestParam(name = "organisationId", required = false) @Nullable Long organisationId, RedirectAttributes redirect) {
        limit();
        long id = discussion.propose(ConsultationRefs.id(ref), sectionId, proposedText, text, organisationId);
        redirect.addFlashAttribute("message", "consultation.proposed");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + id;
    }

    @PostMapping("/" + ConsultationRefs.REF + "/replies")
    String reply(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                 @RequestParam(name = "parentId") long parentId, @RequestParam(name = "text", defaultValue = "") String text,
                 @RequestParam(name = "organisationId", required = false) @Nullable Long organisationId, RedirectAttributes redirect) {
        limit();
        long id = discussion.reply(parentId, text, organisationId);
        redirect.addFlashAttribute("message", "consultation.replied");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + id;
    }

    @PostMapping("/" + ConsultationRefs.REF + "/proposals/{proposal:\\d+}/support")
    String support(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                   @PathVariable("proposal") long proposalId, @RequestParam(name = "stance", defaultValue = "1") int stance) {
        limit();
        discussion.support(proposalId, stance);
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + proposalId;
    }

    @PostMapping("/" + ConsultationRefs.REF + "/contributions/{contribution:\\d+}/report")
    String report(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                  @PathVariable("contribution") long contributionId, @RequestParam(name = "reason", defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        limit();
        discussion.report(contributionId, reason);
        redirect.addFlashAttribute("message", "consultation.reported");
        return "redirect:/" + slug + "/consultations/" + ref + "#c" + contributionId;
    }

    /** The words of a search as typed, at most as long as the site search reads. */
    static String words(String q) {
        String w = q.strip();
        return w.length() > SiteSearch.MAX_QUERY ? w.substring(0, SiteSearch.MAX_QUERY) : w;
    }

    /** Each section's text as cleaned HTML, by the section's id. */
    private Map<Long, String> html(List<Section> sections) {
        Map<Long, String> html = new HashMap<>();
        sections.forEach(s -> html.put(s.id(), richText.html(s.body())));
        return html;
    }

    private void limit() {
        limiter.consume(RateLimiter.SIGN, "account-" + AccessControl.requireUser().accountId());
    }

    @GetMapping("/" + ConsultationRefs.REF + "/versions/{version:\\d+}")
    String version(@PathVariable("community") String slug, @PathVariable("ref") String ref,
                   @PathVariable("version") int version, Model model) {
        long id = ConsultationRefs.id(ref);
        Consultation c = consultations.visible(id);
        model.addAttribute("c", c);
        model.addAttribute("url", c.url(slug));
        model.addAttribute("version", version);
        List<Section> sections = consultations.sections(id, version);
        model.addAttribute("sections", sections);
        model.addAttribute("html", html(sections));
        model.addAttribute("diff", version > 1 ? consultations.versionDiff(id, version) : List.of());
        return "consultations/version";
    }

    @GetMapping("/" + ConsultationRefs.REF + "/report")
    String report(@PathVariable("community") String slug, @PathVariable("ref") String ref, Model model) {
        ConsultationService.Report report = consultations.report(ConsultationRefs.id(ref));
        model.addAttribute("report", report);
        Consultation c = report.consultation();
        model.addAttribute("reportHtml", c.getReportText() == null ? "" : richText.html(c.getReportText()));
        model.addAttribute("finalHtml", c.getFinalText() == null ? "" : richText.html(c.getFinalText()));
        model.addAttribute("c", report.consultation());
        model.addAttribute("url", report.consultation().url(slug));
        model.addAttribute("now", Instant.now(clock));
        model.addAttribute("isOfficial", access.currentUserHas(Role.OFFICIAL));
        return "consultations/report";
    }

    @GetMapping(value = "/" + ConsultationRefs.REF + "/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable("community") String slug, @PathVariable("ref") String ref) {
        long id = ConsultationRefs.id(ref);
        byte[] pdf = reportPdf.render(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"consultation-" + id + "-report.pdf\"").body(pdf);
    }

    @GetMapping(value = "/" + ConsultationRefs.REF + "/report.csv")
    ResponseEntity<String> reportCsv(@PathVariable("community") String slug, @PathVariable("ref") String ref) {
        ConsultationService.Report report = consultations.report(ConsultationRefs.id(ref));
        Map<Long, String> organisationOf = consultations.organisationOf(report.consultation().getId());
        Csv csv = new Csv().row(List.of("proposal_id", "section", "proposed_text", "reason", "supports", "objections", "created_at",
                "decision", "decision_reason", "decided_at", "organisation"));
        for (Contribution p : report.proposals()) {
            csv.row(Arrays.asList(p.id(), "", p.proposedText(), p.text(), p.supports(), p.objections(), p.createdAt(),
                    p.decision() == null ? null : p.decision().name(), p.decisionReason(), p.decidedAt(), organisationOf.get(p.id())));
        }
        return csv(csv, "consultation-" + report.consultation().getId() + "-report.csv");
    }

    /** The report's organisations that took part, by name, with how many people wrote on their behalf and what. */
    @GetMapping(value = "/" + ConsultationRefs.REF + "/report-organisations.csv")
    ResponseEntity<String> reportOrganisationsCsv(@PathVariable("community") String slug, @PathVariable("ref") String ref) {
        ConsultationService.Report report = consultations.report(ConsultationRefs.id(ref));
        Csv csv = new Csv().row(List.of("organisation_id", "organisation", "people", "comments", "proposals", "replies"));
        for (ConsultationService.OrganisationPart o : report.organisations()) {
            csv.row(List.of(o.organisationId(), o.name(), o.people(), o.comments(), o.proposals(), o.replies()));
        }
        return csv(csv, "consultation-" + report.consultation().getId() + "-organisations.csv");
    }

    /** Open data: every amendment of the community's consultations with its decision. */
    @GetMapping("/proposals.csv")
    ResponseEntity<String> proposalsCsv(@PathVariable("community") String slug) {
        Csv csv = new Csv().row(List.of("consultation_id", "consultation_title", "proposal_id", "section", "proposed_text", "reason",
                "supports", "objections", "created_at", "decision", "decision_reason", "decided_at"));
        for (ConsultationService.ProposalRow r : consultations.proposals()) {
            csv.row(Arrays.asList(r.consultationId(), r.consultationTitle(), r.proposalId(), r.sectionHeading(),
                    r.proposedText(), r.reason(), r.supports(), r.objections(), r.createdAt(), r.decision(), r.decisionReason(),
                    r.decidedAt()));
        }
        return csv(csv, "consultations-proposals.csv");
    }

    private static ResponseEntity<String> csv(Csv csv, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv.toString());
    }
}
