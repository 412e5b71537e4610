package ua.viche.problems;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.FileStore;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;

/**
 * Problem reports for other modules (the messenger bot), in the current community and as the
 * signed-in person: the same path and checks as the site's form (category, text, place inside the
 * community's area, photos by the attachments policy).
 */
@Service
public class ProblemReporting {

    /** A category one can report in. */
    public record Category(long id, String nameUk, String nameEn) {
        public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    }

    /** A report: its number, state (a {@code problem.status.*} message key's suffix), its text and page. */
    public record Report(long id, String status, String description, String path) {}

    private final ProblemService problems;

    ProblemReporting(ProblemService problems) {
        this.problems = problems;
    }

    @Transactional(readOnly = true)
    public List<Category> categories() {
        return problems.activeCategories().stream().map(c -> new Category(c.getId(), c.getNameUk(), c.getNameEn())).toList();
    }

    /**
     * Files a report as the signed-in person; the key makes a repeated call return the same report.
     * Refusals as on the site.
     */
    @Transactional
    public Report file(long categoryId, String description, @Nullable Double latitude, @Nullable Double longitude,
                       @Nullable String address, List<FileStore.Upload> photos, String idempotencyKey, String source) {
        ProblemReport r = problems.submit(new ProblemService.Submission(categoryId, latitude, longitude, address, description,
                null, null, null, true, null, photos, idempotencyKey, source)).report();
        return report(r);
    }

    /** The signed-in person's latest reports. */
    @Transactional(readOnly = true)
    public List<Report> mine() {
        return AccessControl.currentUser().map(u -> problems.reportedBy(u.accountId()).stream().map(ProblemReporting::report).toList())
                .orElse(List.of());
    }

    private static Report report(ProblemReport r) {
        return new Report(r.getId(), r.getStatus().name(), r.getDescription(), ProblemService.url(r));
    }
}
