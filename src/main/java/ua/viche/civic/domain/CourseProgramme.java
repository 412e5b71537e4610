package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A course programme as the site search sees it (kind {@code civic_course}): read only, the rows are
 * written with SQL by {@link Courses}, which has it indexed again after each change. Open while one
 * of its groups still takes registrations ({@code open_until}: the latest first lesson), done after.
 */
@Entity
@Immutable
@Table(name = "civic_course")
@Indexed(index = "civic_course", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "titleUk,titleEn,descriptionUk,openUntil,createdAt,groups.name,groups.place,groups.firstLesson")))
public class CourseProgramme implements SearchDocument {

    @Id
    private Long id;

    @TenantId
    private Long communityId;

    private String titleUk;
    private String titleEn;
    private String descriptionUk;
    private @Nullable Instant openUntil;
    private Instant createdAt;

    @OneToMany(mappedBy = "programme")
    @OrderBy("id")
    @BatchSize(size = 50)
    private List<CourseProgrammeGroup> groups = new ArrayList<>();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, dd.MM.yyyy", Locale.forLanguageTag("uk"));

    protected CourseProgramme() {}

    @Override public String searchKind() { return "civic_course"; }

    @Override public String searchTitle() { return titleUk; }

    @Override public @Nullable String searchTitleEn() { return titleEn.isBlank() ? null : titleEn; }

    /** The description, then a line per group: its name, place and first lesson's day (in words and in figures). */
    @Override
    public String searchText() {
        StringBuilder text = new StringBuilder(descriptionUk);
        for (CourseProgrammeGroup g : groups) {
            text.append('\n').append(g.getName()).append(", ").append(g.getPlace());
            Instant first = g.getFirstLesson();
            if (first != null) {
                text.append(", ").append(DAY.format(first.atZone(Dates.KYIV)));
            }
        }
        return text.toString();
    }

    @Override
    public SearchStatus searchStatus() {
        return openUntil != null && Instant.now().isBefore(openUntil) ? SearchStatus.OPEN : SearchStatus.DONE;
    }

    @Override
    public @Nullable Instant searchStatusChanges() {
        return openUntil != null && Instant.now().isBefore(openUntil) ? openUntil : null;
    }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(createdAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "courses/" + id; }

    public Long getId() { return id; }

    @Override
    public Long getCommunityId() { return communityId; }
}
