package ua.viche.appeals.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A topic of appeals (housing and utilities, social protection…) and the department it goes to. */
@Entity
@Table(name = "appeal_category")
public class AppealCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String code;
    private String nameUk;
    private String nameEn;
    private @Nullable Long departmentId;
    private int position;
    private boolean active = true;

    protected AppealCategory() {}

    public AppealCategory(String code, String nameUk, String nameEn, @Nullable Long departmentId, int position) {
        this.code = code;
        update(nameUk, nameEn, departmentId, position, true);
    }

    public void update(String nameUk, String nameEn, @Nullable Long departmentId, int position, boolean active) {
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.strip();
        this.departmentId = departmentId;
        this.position = position;
        this.active = active;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public @Nullable Long getDepartmentId() { return departmentId; }
    public int getPosition() { return position; }
    public boolean isActive() { return active; }
}
