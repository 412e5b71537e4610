package ua.viche.civic.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Dates;
import ua.viche.platform.Slugs;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * A news item or announcement: Ukrainian text, optionally English, a Markdown body, an optional
 * picture with its text alternative, the moment it is published (nobody but staff sees it before)
 * and whether it is pinned to the top of the list. It is in the search only once {@link #isReleased()}.
 */
@Entity
@Table(name = "civic_news")
@Indexed(index = "civic_news", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "titleUk,titleEn,summaryUk,bodyUk,bodyEn,publishAt,released,slug")))
public class News implements SearchDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String slug;
    @Enumerated(EnumType.STRING)
    private NewsCategory category;
    private String titleUk;
    private String titleEn;
    private String summaryUk;
    private String summaryEn;
    private String bodyUk;
    private String bodyEn;
    private @Nullable String imageAltUk;
    private @Nullable String imageAltEn;
    private Instant publishAt;
    private boolean released;
    private boolean pinned;
    private Instant createdAt;
    private Instant updatedAt;

    protected News() {}

    News(NewsInput in, Instant now) {
        this.createdAt = now;
        apply(in, now);
    }

    void apply(NewsInput in, Instant now) {
        this.category = in.category();
        this.titleUk = in.titleUk();
        this.titleEn = in.titleEn();
        this.summaryUk = in.summaryUk();
        this.summaryEn = in.summaryEn();
        this.bodyUk = in.bodyUk();
        this.bodyEn = in.bodyEn();
        this.imageAltUk = in.imageAltUk().isEmpty() ? null : in.imageAltUk();
        this.imageAltEn = in.imageAltEn().isEmpty() ? null : in.imageAltEn();
        this.publishAt = in.publishAt() == null ? now : in.publishAt();
        this.released = !publishAt.isAfter(now);
        this.pinned = in.pinned();
        this.slug = Slugs.of(titleUk, 80);
        this.updatedAt = now;
    }

    void pin(boolean pinned, Instant now) {
        this.pinned = pinned;
        this.updatedAt = now;
    }

    /** Tells the search the item is public now that its moment has come. */
    void release() {
        this.released = true;
    }

    /** Whether the public may read it at that moment. */
    public boolean published(Instant now) {
        return !publishAt.isAfter(now);
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    /** Whether the item has an English version. */
    public boolean hasEnglish() {
        return !titleEn.isBlank() && !bodyEn.isBlank();
    }

    /** Whether a reader in that language gets the Ukrainian text because there is no version in theirs. */
    public boolean fallsBack(Locale locale) {
        return english(locale) && !hasEnglish();
    }

    public String title(Locale locale) {
        return english(locale) && hasEnglish() ? titleEn : titleUk;
    }

    public String summary(Locale locale) {
        return english(locale) && hasEnglish() ? summaryEn : summaryUk;
    }

    public String body(Locale locale) {
        return english(locale) && hasEnglish() ? bodyEn : bodyUk;
    }

    /** The picture's text alternative in the reader's language, or null without a picture text. */
    public @Nullable String imageAlt(Locale locale) {
        return english(locale) && imageAltEn != null ? imageAltEn : imageAltUk;
    }

    /** The text of the item's language for a reader of that locale: "uk" when they get the Ukrainian. */
    public String language(Locale locale) {
        return english(locale) && hasEnglish() ? "en" : "uk";
    }

    /** The item's address below the community's: its number and the words of its title. */
    public String path() {
        return "news/" + id + (slug.isEmpty() ? "" : "-" + slug);
    }

    public String url(String communitySlug) {
        return "/" + communitySlug + "/" + path();
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "civic_news"; }

    @Override public String searchTitle() { return titleUk; }

    @Override public @Nullable String searchTitleEn() { return hasEnglish() ? titleEn : null; }

    @Override public String searchText() { return summaryUk + "\n" + bodyUk; }

    @Override public SearchStatus searchStatus() { return SearchStatus.DONE; }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(publishAt); }

    /** Public once released (its moment has come and the release job or its author has said so), never before. */
    @Override public @Nullable LocalDate searchPublicFrom() { return released ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return path(); }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public String getSlug() { return slug; }
    public NewsCategory getCategory() { return category; }
    public String getTitleUk() { return titleUk; }
    public String getTitleEn() { return titleEn; }
    public String getSummaryUk() { return summaryUk; }
    public String getSummaryEn() { return summaryEn; }
    public String getBodyUk() { return bodyUk; }
    public String getBodyEn() { return bodyEn; }
    public @Nullable String getImageAltUk() { return imageAltUk; }
    public @Nullable String getImageAltEn() { return imageAltEn; }
    public Instant getPublishAt() { return publishAt; }
    public boolean isReleased() { return released; }
    public boolean isPinned() { return pinned; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
