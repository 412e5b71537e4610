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
import java.util.ArrayList;
import java.util.List;
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
import ua.viche.platform.Refusal;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/**
 * An advisory body of the community (громадська рада, молодіжна рада, …): its name in Ukrainian and
 * optionally English, its kind, a description and the act that founded it. Its composition,
 * meetings and history are rows of their own. Public from the moment staff create it.
 */
@Entity
@Table(name = "civic_body")
@Indexed(index = "civic_body", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "nameUk,nameEn,description,foundingAct")))
public class AdvisoryBody implements SearchDocument {

    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_ACT = 500;

    /** What staff give for a body. */
    public record Input(@Nullable BodyKind kind, String nameUk, String nameEn, String description, String foundingAct) {

        public Input {
            nameUk = nameUk.strip();
            nameEn = nameEn.strip();
            description = description.strip();
            foundingAct = foundingAct.strip();
        }

        void check() {
            List<Refusal.Fault> faults = new ArrayList<>();
            if (kind == null) {
                faults.add(Refusal.Fault.of("kind", "civic.body.error.kind"));
            }
            if (nameUk.isEmpty() || nameUk.length() > MAX_NAME || nameEn.length() > MAX_NAME) {
                faults.add(Refusal.Fault.of("nameUk", "civic.body.error.name", MAX_NAME));
            }
            if (description.length() > MAX_DESCRIPTION) {
                faults.add(Refusal.Fault.of("description", "civic.body.error.description", MAX_DESCRIPTION));
            }
            if (foundingAct.length() > MAX_ACT) {
                faults.add(Refusal.Fault.of("foundingAct", "civic.body.error.act", MAX_ACT));
            }
            if (!faults.isEmpty()) {
                throw Refusal.all(faults);
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    @Enumerated(EnumType.STRING)
    private BodyKind kind;
    private String nameUk;
    private String nameEn;
    private String description;
    private String foundingAct;
    private Instant createdAt;
    private Instant updatedAt;

    protected AdvisoryBody() {}

    AdvisoryBody(Input in, Instant now) {
        this.createdAt = now;
        apply(in, now);
    }

    void apply(Input in, Instant now) {
        in.check();
        this.kind = in.kind();
        this.nameUk = in.nameUk();
        this.nameEn = in.nameEn();
        this.description = in.description();
        this.foundingAct = in.foundingAct();
        this.updatedAt = now;
    }

    /** The name in the reader's language (Ukrainian when there is no English one). */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && !nameEn.isBlank() ? nameEn : nameUk;
    }

    /** Whether a reader in that language gets the Ukrainian name. */
    public boolean fallsBack(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn.isBlank();
    }

    public String path() {
        return "advisory-bodies/" + id;
    }

    public String url(String communitySlug) {
        return "/" + communitySlug + "/" + path();
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "civic_body"; }

    @Override public String searchTitle() { return nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn.isBlank() ? null : nameEn; }

    @Override public String searchText() { return description + "\n" + foundingAct; }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return Dates.day(createdAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return path(); }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public BodyKind getKind() { return kind; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public String getDescription() { return description; }
    public String getFoundingAct() { return foundingAct; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
