package ua.viche.problems.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/** A kind of problem (the Open311 service) and the department it is routed to. */
@Entity
@Table(name = "problem_category")
public class ProblemCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String code;
    private String nameUk;
    private String nameEn;
    private @Nullable Long departmentId;
    private boolean active = true;

    protected ProblemCategory() {}

    public ProblemCategory(String code, String nameUk, String nameEn, @Nullable Long departmentId) {
        this.code = code;
        update(nameUk, nameEn, departmentId, true);
    }

    public void update(String nameUk, String nameEn, @Nullable Long departmentId, boolean active) {
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.strip();
        this.departmentId = departmentId;
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
    public boolean isActive() { return active; }
}
