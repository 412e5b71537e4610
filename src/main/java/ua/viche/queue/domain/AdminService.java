package ua.viche.queue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
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
import ua.viche.platform.Refusal;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/** An administrative service of the catalogue: what it is, what to bring, what it costs, how long it takes. */
@Entity
@Table(name = "cnap_service")
@Indexed(index = "admin_service", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "nameUk,nameEn,categoryUk,categoryEn,description,documents,cost")))
public class AdminService implements SearchDocument {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 240;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String code;
    private String nameUk;
    private String nameEn;
    private String categoryUk;
    private String categoryEn;
    private String description = "";
    private String documents = "";
    private String cost = "";
    private int durationMinutes;

    protected AdminService() {}

    public AdminService(String code) {
        this.code = code;
    }

    /** Sets every field; refuses what the catalogue cannot hold. */
    public void describe(String nameUk, String nameEn, String categoryUk, String categoryEn, String description,
                         String documents, String cost, int durationMinutes) {
        if (nameUk.isBlank() || nameUk.length() > 500 || nameEn.length() > 500) {
            throw Refusal.of("queue.error.serviceName");
        }
        if (categoryUk.isBlank() || categoryUk.length() > 200 || categoryEn.length() > 200) {
            throw Refusal.of("queue.error.category");
        }
        if (durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) {
            throw Refusal.of("queue.error.duration");
        }
        if (description.length() > 4000 || documents.length() > 4000 || cost.length() > 200) {
            throw Refusal.of("queue.error.tooLong");
        }
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.isBlank() ? nameUk.strip() : nameEn.strip();
        this.categoryUk = categoryUk.strip();
        this.categoryEn = categoryEn.isBlank() ? categoryUk.strip() : categoryEn.strip();
        this.description = description.strip();
        this.documents = documents.strip();
        this.cost = cost.strip();
        this.durationMinutes = durationMinutes;
    }

    public long getId() { return id; }

    @Override
    public Long getCommunityId() { return communityId; }
    public String getCode() { return code; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    public String category(Locale l) { return "en".equals(l.getLanguage()) ? categoryEn : categoryUk; }
    public String getCategoryUk() { return categoryUk; }
    public String getCategoryEn() { return categoryEn; }
    public String getDescription() { return description; }
    public String getDocuments() { return documents; }
    public String getCost() { return cost; }
    public int getDurationMinutes() { return durationMinutes; }

    /** Required documents, one a line. */
    public List<String> documentList() {
        return Arrays.stream(documents.split("\\s*[\\n;]\\s*")).filter(s -> !s.isBlank()).toList();
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "cnap_service"; }

    @Override public String searchTitle() { return nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn; }

    @Override
    public String searchText() {
        return String.join("\n", nameEn, categoryUk, categoryEn, description, documents, cost);
    }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return null; }

    @Override public LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "cnap/services/" + id; }
}
