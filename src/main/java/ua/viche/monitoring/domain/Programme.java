package ua.viche.monitoring.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/** A community's digital-development programme: title, the years it runs, its baseline year and approving decision. */
@Entity
@Table(name = "monitoring_programme")
public class Programme {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private String titleUk;
    private String titleEn;
    private int firstYear;
    private int lastYear;
    private int baselineYear;
    private String decision;
    private OffsetDateTime createdAt;
    private @Nullable Long coordinatorDepartmentId;

    protected Programme() {}

    public Programme(String titleUk, String titleEn, int firstYear, int lastYear, int baselineYear, String decision,
                     OffsetDateTime createdAt) {
        if (titleUk.isBlank() || titleUk.length() > 300 || titleEn.length() > 300) {
            throw Refusal.field("title", "monitoring.error.title");
        }
        if (!(baselineYear < firstYear && firstYear <= lastYear && lastYear - firstYear < 20 && firstYear > 1990)) {
            throw Refusal.field("firstYear", "monitoring.error.period", firstYear, lastYear, baselineYear);
        }
        this.titleUk = titleUk.strip();
        this.titleEn = titleEn.isBlank() ? this.titleUk : titleEn.strip();
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.baselineYear = baselineYear;
        this.decision = decision.strip();
        this.createdAt = createdAt;
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleUk;
    }

    /** The baseline year and every year of the programme, in order. */
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>(List.of(baselineYear));
        for (int y = firstYear; y <= lastYear; y++) {
            years.add(y);
        }
        return List.copyOf(years);
    }

    void coordinatedBy(@Nullable Long departmentId) {
        this.coordinatorDepartmentId = departmentId;
    }

    /** The department that coordinates the programme (accepts or returns the figures' values); null: the community admins. */
    public @Nullable Long getCoordinatorDepartmentId() { return coordinatorDepartmentId; }

    public Long getId() { return id; }
    public String getTitleUk() { return titleUk; }
    public String getTitleEn() { return titleEn; }
    public int getFirstYear() { return firstYear; }
    public int getLastYear() { return lastYear; }
    public int getBaselineYear() { return baselineYear; }
    public String getDecision() { return decision; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
