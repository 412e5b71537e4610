package ua.viche.civic.web;

import java.time.Instant;
import java.time.LocalDate;
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
import ua.viche.civic.domain.Initiative;
import ua.viche.civic.domain.Initiatives;
import ua.viche.platform.NotFoundException;

/** JSON twins of the initiatives' pages: published initiatives only, with their supporters and progress. */
@RestController
@RequestMapping("/api/v1/{community}/initiatives")
class InitiativeApi {

    private final Initiatives initiatives;

    InitiativeApi(Initiatives initiatives) {
        this.initiatives = initiatives;
    }

    record Item(long id, String title, @Nullable String titleEn, String stage, long supporters, @Nullable String organisation, Instant proposedAt, String url) {
        static Item of(Initiative i, long supporters, String slug) {
            return new Item(i.getId(), i.getTitle(), i.getTitleEn(), i.getStage().name().toLowerCase(Locale.ROOT), supporters, i.getOrganisationName(),
                    i.getCreatedAt(), i.url(slug));
        }
    }

    record Note(LocalDate day, String stage, String text) {}

    record Detail(Item item, String body, String result, List<Note> progress) {}

    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {}

    @GetMapping
    PageOf<Item> list(@PathVariable("community") String slug, @RequestParam(name = "stage", required = false) @Nullable String stage,
                      @RequestParam(name = "page", defaultValue = "0") int page, @RequestParam(name = "size", defaultValue = "20") int size) {
        Page<Initiative> found = initiatives.published(InitiativeController.stage(stage), page, Math.max(1, Math.min(size, 100)));
        Map<Long, Long> counts = initiatives.supporters(found.getContent());
        return new PageOf<>(found.getContent().stream().map(i -> Item.of(i, counts.getOrDefault(i.getId(), 0L), slug)).toList(),
                found.getNumber(), found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id:\\d+}")
    Detail item(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Initiative i = initiatives.visible(id);
        if (!i.isPublic()) { // the author's and staff's view is for the page; the API shows the public's
            throw new NotFoundException("civic.initiative.error.none");
        }
        return new Detail(Item.of(i, initiatives.supporters(id), slug), i.getBody(), i.getResult(), initiatives.notes(id).stream()
                .map(n -> new Note(n.getNotedOn(), n.getStage().name().toLowerCase(Locale.ROOT), n.getText())).toList());
    }
}
