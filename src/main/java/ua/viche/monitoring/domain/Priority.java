package ua.viche.monitoring.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** A priority (пріоритетний напрям) of a programme, numbered as the programme numbers it. */
@Entity
@Table(name = "monitoring_priority")
public class Priority implements Named {

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

    public Long getId() { return id; }
    public long getProgrammeId() { return programmeId; }
    public String getNumber() { return number; }
    @Override public String getNameUk() { return nameUk; }
    @Override public String getNameEn() { return nameEn; }
    public int getPosition() { return position; }
}
