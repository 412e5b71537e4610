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
 * A civil-society organisation in the community's register: registered by a signed-in person
 * (pending), then verified or refused with a reason by staff. Only a verified one is public and
 * found by the site search.
 */
@Entity
@Table(name = "civic_organisation")
@Indexed(index = "civic_organisation", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "name,description,status,fields")))
public class Organisation implements SearchDocument {

    public static final int MAX_NAME = 300;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_REASON = 2000;

    public enum Status { PENDING, VERIFIED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String name;
    private String edrpou;
    @Enumerated(EnumType.STRING)
    private LegalForm legalForm;
    private String fields;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String website;
    private @Nullable String address;
    private String description;
    @Enumerated(EnumType.STRING)
    private Status status;
    private @Nullable String refusalReason;
    private @Nullable Long createdByPersonId;
    private @Nullable Long createdByAccountId;
    private Instant createdAt;
    private @Nullable Instant decidedAt;

    protected Organisation() {}

    /** What a person gives when registering an organisation. */
    public record Details(String name, String edrpou, @Nullable LegalForm legalForm, List<Field> fields, @Nullable String email,
                          @Nullable String phone, @Nullable String website, @Nullable String address, String description) {}

    /** A new, pending registration; every field checked, each fault named, nothing kept when any is wrong. */
    public static Organisation register(Details d, long personId, long accountId, Instant now) {
        Organisation o = new Organisation();
        o.fill(d, true);
        o.status = Status.PENDING;
        o.createdByPersonId = personId;
        o.createdByAccountId = accountId;
        o.createdAt = now;
        return o;
    }

    /**
     * Changes the details, checked as at registration, except the EDRPOU code, which stays as it was
     * (the one in {@code d} is not read); every fault named, nothing changed when any is wrong. The
     * status stays: a verified organisation stays verified.
     */
    public void change(Details d) {
        fill(d, false);
    }

    /** Checks every detail (the code only when {@code withCode}) and, when all are right, takes them. */
    private void fill(Details d, boolean withCode) {
        List<Refusal.Fault> faults = new ArrayList<>();
        String name = d.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            faults.add(Refusal.Fault.of("name", "civic.error.name"));
        }
        String code = withCode ? Edrpou.normalise(d.edrpou()) : edrpou;
        if (withCode && !Edrpou.valid(code)) {
            faults.add(Refusal.Fault.of("edrpou", "civic.error.edrpou"));
        }
        if (d.legalForm() == null) {
            faults.add(Refusal.Fault.of("legalForm", "civic.error.legalForm"));
        }
        if (d.fields().isEmpty()) {
            faults.add(Refusal.Fault.of("fields", "civic.error.fields"));
        }
        String email = blankToNull(d.email());
        if (email != null && (email.length() > 200 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            faults.add(Refusal.Fault.of("email", "civic.error.email"));
        }
        String phone = blankToNull(d.phone());
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{5,40}")) {
            faults.add(Refusal.Fault.of("phone", "civic.error.phone"));
        }
        String website = blankToNull(d.website());
        if (website != null && (website.length() > 300 || !website.matches("https?://[^\\s<>\"]+"))) {
            faults.add(Refusal.Fault.of("website", "civic.error.website"));
        }
        String address = blankToNull(d.address());
        if (address != null && address.length() > 300) {
            faults.add(Refusal.Fault.of("address", "civic.error.address"));
        }
        String description = d.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            faults.add(Refusal.Fault.of("description", "civic.error.description"));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
        this.name = name;
        this.edrpou = code;
        this.legalForm = d.legalForm();
        this.fields = Field.join(d.fields());
        this.email = email;
        this.phone = phone;
        this.website = website;
        this.address = address;
        this.description = description;
    }

    /** Staff confirm the organisation: it becomes public. Only a pending one. */
    public void verify(Instant now) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("civic.error.notPending");
        }
        status = Status.VERIFIED;
        decidedAt = now;
    }

    /** Staff refuse the registration with a reason the registrant sees. Only a pending one. */
    public void refuse(String reason, Instant now) {
        if (status != Status.PENDING) {
            throw Refusal.conflict("civic.error.notPending");
        }
        String r = reason.strip();
        if (r.isEmpty() || r.length() > MAX_REASON) {
            throw Refusal.field("reason", "civic.error.reason");
        }
        status = Status.REFUSED;
        refusalReason = r;
        decidedAt = now;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isPublic() {
        return status == Status.VERIFIED;
    }

    public List<Field> fieldList() {
        return Field.split(fields);
    }

    public String url(String slug) {
        return "/" + slug + "/organisations/" + id;
    }

    // ---- site search (decision 0041)

    @Override public String searchKind() { return "civic_organisation"; }

    @Override public String searchTitle() { return name; }

    @Override public String searchText() { return description; }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return decidedAt == null ? null : Dates.day(decidedAt); }

    @Override public @Nullable LocalDate searchPublicFrom() { return isPublic() ? LocalDate.EPOCH : null; }

    @Override public String searchPath() { return "organisations/" + id; }

    public Long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public String getName() { return name; }
    public String getEdrpou() { return edrpou; }
    public LegalForm getLegalForm() { return legalForm; }
    public String getFields() { return fields; }
    public @Nullable String getEmail() { return email; }
    public @Nullable String getPhone() { return phone; }
    public @Nullable String getWebsite() { return website; }
    public @Nullable String getAddress() { return address; }
    public String getDescription() { return description; }
    public Status getStatus() { return status; }
    public @Nullable String getRefusalReason() { return refusalReason; }
    public @Nullable Long getCreatedByPersonId() { return createdByPersonId; }
    public @Nullable Long getCreatedByAccountId() { return createdByAccountId; }
    public Instant getCreatedAt() { return createdAt; }
    public @Nullable Instant getDecidedAt() { return decidedAt; }
}
