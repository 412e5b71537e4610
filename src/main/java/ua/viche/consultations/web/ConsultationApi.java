package ua.viche.consultations.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.consultations.domain.Consultation;
import ua.viche.consultations.domain.ConsultationList;
import ua.viche.consultations.domain.ConsultationService;
import ua.viche.consultations.domain.Contribution;

/**
 * JSON twin of the consultation pages: the lists with paging (or, with {@code q}, the consultations
 * found by those words, best first, in pages of 20), a consultation with its sections and amendments.
 */
@RestController
@RequestMapping("/api/v1/{community}/consultations")
class ConsultationApi {

    private final ConsultationService consultations;
    private final Clock clock;

    ConsultationApi(ConsultationService consultations, Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @GetMapping
    PageOf<Item> list(@PathVariable("community") String slug, @RequestParam(name = "list", defaultValue = "open") String list,
                      @RequestParam(name = "q", defaultValue = "") String q,
                      @RequestParam(name = "page", defaultValue = "0") int page,
                      @RequestParam(name = "size", defaultValue = "20") int size) {
        String words = ConsultationController.words(q);
        Page<Consultation> found = words.isBlank()
                ? consultations.list(ConsultationList.parse(list), page, Math.max(1, Math.min(size, 100)))
                : consultations.search(words, page);
        Map<Long, Integer> counts = consultations.proposalCounts(found.map(Consultation::getId).getContent());
        Instant now = Instant.now(clock);
        return PageOf.of(found.map(c -> Item.of(c, now, slug, counts.getOrDefault(c.getId(), 0))));
    }

    @GetMapping("/{id:\\d+}")
    Detail detail(@PathVariable("community") String slug, @PathVariable("id") long id) {
        ConsultationService.ConsultationPage page = consultations.page(id);
        Consultation c = page.consultation();
        Instant now = Instant.now(clock);
        List<SectionItem> sections = new ArrayList<>();
        for (ConsultationService.SectionView v : page.sections()) {
            List<ProposalItem> proposals = v.contributions().stream().filter(x -> x.proposal() && !x.hidden())
                    .map(ProposalItem::of).toList();
            int comments = (int) v.contributions().stream().filter(x -> !x.proposal() && !x.hidden()).count();
            sections.add(new SectionItem(v.section().id(), v.section().position(), v.section().heading(), v.section().body(),
                    comments, proposals));
        }
        return new Detail(Item.of(c, now, slug, page.proposals()), c.getSummary(), c.getDraftVersion(), c.getReportDueAt(),
                c.reportOverdue(now), c.isResidencyRequired(), c.getMinimumAge(), c.getReportPublishedAt(), c.getReportText(),
                c.getFinalText(), sections, consultations.organisations(id).stream()
                .map(o -> new OrganisationItem(o.organisationId(), o.name(), o.people(), o.comments(), o.proposals(), o.replies())).toList());
    }

    /** A civic organisation on whose behalf people took part, with how many people and what they wrote. */
    record OrganisationItem(long id, String name, int people, int comments, int proposals, int replies) {}

    /** A consultation in a list; {@code status} is its phase: announced, open, awaiting_report, reported. */
    record Item(long id, String title, String status, Instant opensAt, Instant closesAt, int proposalCount, String url) {
        static Item of(Consultation c, Instant now, String slug, int proposals) {
            return new Item(c.getId(), c.getTitle(), c.phase(now).name().toLowerCase(Locale.ROOT), c.getOpensAt(), c.getClosesAt(),
                    proposals, c.url(slug));
        }
    }

    record ProposalItem(long id, String proposedText, String reason, String authorName, Instant createdAt, int supports,
                        int objections, @Nullable String decision, @Nullable String decisionReason, @Nullable Instant decidedAt) {
        static ProposalItem of(Contribution p) {
            return new ProposalItem(p.id(), p.proposedText() == null ? "" : p.proposedText(), p.text(), p.authorName(), p.createdAt(),
                    p.supports(), p.objections(), p.decision() == null ? null : p.decision().name().toLowerCase(Locale.ROOT),
                    p.decisionReason(), p.decidedAt());
        }
    }

    record SectionItem(long id, int position, String heading, String text, int commentCount, List<ProposalItem> proposals) {}

    record Detail(Item consultation, String summary, int draftVersion, Instant reportDueAt, boolean reportOverdue,
                  boolean residencyRequired, int minimumAge, @Nullable Instant reportPublishedAt, @Nullable String reportText,
                  @Nullable String finalText, List<SectionItem> sections, List<OrganisationItem> organisations) {}

    /** A page of items with the paging facts. */
    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
