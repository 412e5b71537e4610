package ua.viche.queue.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** An administrator's workplace (a window) in an office; it serves one visitor at a time. */
@Entity
@Table(name = "cnap_workplace")
public class Workplace {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long officeId;
    private String code;
    private String windowLabel;

    protected Workplace() {}

    public Workplace(long officeId, String code, String windowLabel) {
        this.officeId = officeId;
        this.code = code;
        this.windowLabel = windowLabel;
    }

    public long getId() { return id; }
    public long getOfficeId() { return officeId; }
    public String getCode() { return code; }
    public String getWindowLabel() { return windowLabel; }
}
