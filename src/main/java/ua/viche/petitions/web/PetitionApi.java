package ua.viche.petitions.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionList;
import ua.viche.petitions.domain.PetitionService;

/** JSON twin of the petition pages: lists with paging, a petition, its signers (names and dates). */
@RestController
@RequestMapping("/api/v1/{community}/petitions")
class PetitionApi {

    private final PetitionService petitions;
    private final Clock clock;

    PetitionApi(PetitionService petitions, Clock clock) {
        this.petitions = petitions;
        this.clock = clock;
    }

    @GetMapping
    PageOf<Item> list(@PathVariable("community") String slug, @RequestParam(name = "list", defaultValue = "active") String list,
                      @RequestParam(name = "sort", defaultValue = "signatures") String sort,
                      @RequestParam(name = "year", defaultValue = "0") int year,
                      @RequestParam(name = "q", defaultValue = "") String q,
                      @RequestParam(name = "page", defaultValue = "0") int page,
                      @RequestParam(name = "size", defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, 100));
        Page<Petition> found = q.isBlank() ? petitions.list(PetitionList.parse(list), sort, year, page, pageSize)
                : petitions.search(q.length() > 200 ? q.substring(0, 200) : q, page, pageSize);
        Instant now = Instant.now(clock);
        return PageOf.of(found.map(p -> Item.of(PetitionView.of(p, now, slug))));
    }

    @GetMapping("/{id:\\d+}")
    Detail detail(@PathVariable("community") String slug, @PathVariable("id") long id) {
        return Detail.of(PetitionView.of(petitions.visible(id), Instant.now(clock), slug));
    }

    @GetMapping("/{id:\\d+}/signatures")
    PageOf<PetitionController.SignerView> signatures(@PathVariable("community") String slug, @PathVariable("id") long id,
                                                     @RequestParam(name = "page", defaultValue = "0") int page,
                                                     @RequestParam(name = "size", defaultValue = "100") int size) {
        return PageOf.of(petitions.signatures(id, page, Math.max(1, Math.min(size, 500))).map(PetitionController::signer));
    }

    /**
     * A petition in a list. {@code collecting} says whether it takes signatures at this moment (its
     * period may have ended before the expiry job changed its status).
     */
    record Item(long id, String title, String status, int signatureCount, int threshold,
                @Nullable Instant collectionEndsAt, String url, boolean collecting) {
        static Item of(PetitionView v) {
            return new Item(v.id(), v.title(), v.status().toLowerCase(), v.signatureCount(), v.threshold(),
                    v.collectionEndsAt(), v.url(), v.collecting());
        }
    }

    record Detail(Item petition, String text, String authorName, @Nullable Instant publishedAt,
                  @Nullable Instant thresholdReachedAt, @Nullable Instant answerDueAt, boolean answerOverdue,
                  @Nullable String answerOutcome, @Nullable String answerText, @Nullable String answerDocumentUrl,
                  @Nullable Instant answeredAt) {
        static Detail of(PetitionView v) {
            return new Detail(Item.of(v), v.text(), v.authorName(), v.publishedAt(), v.thresholdReachedAt(), v.answerDueAt(),
                    v.answerOverdue(), v.answerOutcome(), v.answerText(), v.answerDocumentUrl(), v.answeredAt());
        }
    }

    /** A page of items with the paging facts. */
    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
