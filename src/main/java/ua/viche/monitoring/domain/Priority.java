package ua.viche.monitoring.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.hibernate.annotations.TenantId;

/** A priority (пріоритетний напрям) of a programme, numbered as the programme numbers it. */
@Entity
@Table(name = "monitoring_priority")
public class Priority {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long programmeId;
    private String number;
    private String nameUk;
    private String nameEn;
    private int position;

    protected Priority() {}

    Priority(long programmeId, String number, String nameUk, String nameEn, int position) {
        this.programmeId = programmeId;
        this.number = number;
        this.nameUk = nameUk;
        this.nameEn = nameEn;
        this.position = position;
    }

    /** The name in the reader's language; the Ukrainian one when the programme has no English name. */
    public String name(Locale locale) {
        return Names.in(locale, nameUk, nameEn);
    }

    /** Whether {@link #name} falls back to Ukrainian for this locale (the page then marks it {@code lang="uk"}). */
    public boolean ukrainianOnly(Locale locale) {
        return Names.ukrainianOnly(locale, nameEn);
    }

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public String getNumber() { return number; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public int getPosition() { return position; }
}
