package ua.viche.problems.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemUpdate;

/** JSON twin of the problem pages: the list with paging and filters, a report with its history. */
@RestController
@RequestMapping("/api/v1/{community}/problems")
class ProblemApi {

    private final ProblemService problems;

    ProblemApi(ProblemService problems) {
        this.problems = problems;
    }

    @GetMapping
    PageOf<ProblemView> list(@PathVariable("community") String slug, @RequestParam(name = "category", defaultValue = "") String category,
                             @RequestParam(name = "status", defaultValue = "all") String status,
                             @RequestParam(name = "page", defaultValue = "0") int page,
                             @RequestParam(name = "size", defaultValue = "50") int size) {
        List<ProblemCategory> categories = problems.categories();
        Map<Long, ProblemCategory> byId = ProblemView.byId(categories);
        long categoryId = category.isBlank() ? 0 : categories.stream().filter(c -> c.getCode().equals(category))
                .mapToLong(ProblemCategory::getId).findFirst().orElse(-1);
        Page<ProblemReport> found = problems.list(ProblemController.statuses(status), categoryId, null, page,
                Math.max(1, Math.min(size, 200)));
        return PageOf.of(found.map(r -> ProblemView.of(r, byId.get(r.getCategoryId()), slug)));
    }

    @GetMapping("/{id:\\d+}")
    Detail detail(@PathVariable("community") String slug, @PathVariable("id") long id) {
        ProblemService.ReportPage page = problems.page(id);
        return new Detail(ProblemView.of(page.report(), page.category(), slug), page.history().stream().map(History::of).toList(),
                page.photos().stream().map(p -> "/" + slug + "/problems/" + id + "/photos/" + p.getId()).toList());
    }

    record Detail(ProblemView report, List<History> history, List<String> photos) {}

    record History(String status, String comment, boolean official, String author, Instant at) {
        static History of(ProblemUpdate u) {
            return new History(u.getStatus().name(), u.getComment() == null ? "" : u.getComment(), u.isOfficial(),
                    u.isOfficial() && u.getAuthorName() != null ? u.getAuthorName() : "", u.getCreatedAt());
        }
    }

    /** A page of items with the paging facts. */
    record PageOf<T>(List<T> items, int page, int size, long total, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }
}
