package ua.viche.problems.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemReport;

/** A report as the public sees it: never the reporter's e-mail or phone, the name only if not hidden. */
public record ProblemView(long id, String categoryCode, String categoryUk, String categoryEn, String status,
                          boolean open, @Nullable Double latitude, @Nullable Double longitude, @Nullable String address,
                          String description, @Nullable String reporterName, @Nullable Long duplicateOfId,
                          Instant createdAt, Instant updatedAt, String url) {

    public static ProblemView of(ProblemReport r, ProblemCategory c, String slug) {
        return new ProblemView(r.getId(), c.getCode(), c.getNameUk(), c.getNameEn(), r.getStatus().name(),
                r.getStatus().open(), r.getLatitude(), r.getLongitude(), r.getAddress(), r.getDescription(), r.publicName(),
                r.getDuplicateOfId(), r.getCreatedAt(), r.getUpdatedAt(), "/" + slug + "/problems/" + r.getId());
    }

    public String category(Locale locale) {
        return "en".equals(locale.getLanguage()) ? categoryEn : categoryUk;
    }

    /** The first line of the description, short enough for a list. */
    public String summary() {
        String first = description.lines().findFirst().orElse("");
        return first.length() > 140 ? first.substring(0, 139) + "…" : first;
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    static Map<Long, ProblemCategory> byId(List<ProblemCategory> categories) {
        return categories.stream().collect(Collectors.toMap(ProblemCategory::getId, Function.identity()));
    }
}
