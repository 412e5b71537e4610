package ua.viche.queue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hibernate.annotations.TenantId;
import org.hibernate.search.engine.environment.bean.BeanRetrieval;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.common.annotation.Param;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.RoutingBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;
import org.jspecify.annotations.Nullable;
import ua.viche.search.CommunityRouting;
import ua.viche.search.SearchDocument;
import ua.viche.search.SearchDocumentBinder;
import ua.viche.search.SearchStatus;

/** A CNAP office: the centre, a subdivision or a remote workplace, with its hours and closed days. */
@Entity
@Table(name = "cnap_office")
@Indexed(index = "cnap_office", routingBinder = @RoutingBinderRef(type = CommunityRouting.class))
@TypeBinding(binder = @TypeBinderRef(type = SearchDocumentBinder.class, retrieval = BeanRetrieval.CONSTRUCTOR,
        params = @Param(name = "uses", value = "nameUk,nameEn,addressUk,addressEn")))
public class Office implements SearchDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String nameUk;
    private String nameEn;
    private String addressUk;
    private String addressEn;
    private @Nullable Double latitude;
    private @Nullable Double longitude;
    private String hours;
    private String holidays = "";
    private boolean remote;
    private boolean eQueue = true;

    protected Office() {}

    public Office(String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double latitude,
                  @Nullable Double longitude, OfficeHours hours, boolean remote, boolean eQueue) {
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.addressUk = addressUk;
        this.addressEn = addressEn;
        this.latitude = latitude;
        this.longitude = longitude;
        this.hours = hours.format();
        this.remote = remote;
        this.eQueue = eQueue;
    }

    public long getId() { return id; }
    @Override
    public Long getCommunityId() { return communityId; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public String name(Locale l) { return "en".equals(l.getLanguage()) ? nameEn : nameUk; }
    public String address(Locale l) { return "en".equals(l.getLanguage()) ? addressEn : addressUk; }
    public String getAddressUk() { return addressUk; }
    public String getAddressEn() { return addressEn; }
    public @Nullable Double getLatitude() { return latitude; }
    public @Nullable Double getLongitude() { return longitude; }
    public OfficeHours hours() { return OfficeHours.parse(hours); }
    public String getHours() { return hours; }
    public boolean isRemote() { return remote; }
    public boolean isEQueue() { return eQueue; }

    /** Days the office is closed besides weekends and public holidays. */
    public Set<LocalDate> holidays() {
        return Arrays.stream(holidays.split(",")).filter(s -> !s.isBlank()).map(s -> LocalDate.parse(s.strip()))
                .collect(Collectors.toSet());
    }

    /** Changes what the public sees of the office and when it is open. */
    public void change(String nameUk, String nameEn, String addressUk, String addressEn, @Nullable Double latitude,
                       @Nullable Double longitude, OfficeHours hours, boolean remote, boolean eQueue) {
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.addressUk = addressUk;
        this.addressEn = addressEn;
        this.latitude = latitude;
        this.longitude = longitude;
        this.hours = hours.format();
        this.remote = remote;
        this.eQueue = eQueue;
    }

    public void closeOn(LocalDate day) {
        Set<LocalDate> days = new TreeSet<>(holidays());
        days.add(day);
        holidays = days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    // ---- site search (decision 0041): every office has a public page

    @Override public String searchKind() { return "cnap_office"; }

    @Override public String searchTitle() { return nameUk; }

    @Override public @Nullable String searchTitleEn() { return nameEn; }

    @Override
    public String searchText() {
        return String.join("\n", addressUk, addressEn, nameEn);
    }

    @Override public SearchStatus searchStatus() { return SearchStatus.REFERENCE; }

    @Override public @Nullable LocalDate searchDate() { return null; }

    @Override public LocalDate searchPublicFrom() { return LocalDate.EPOCH; }

    @Override public String searchPath() { return "cnap/offices/" + id; }
}
