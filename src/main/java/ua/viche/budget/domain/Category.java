package ua.viche.budget.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import org.hibernate.annotations.TenantId;

/** A category of a cycle (large / small projects, a district…) with its own sum, in kopecks. */
@Entity
@Table(name = "budget_category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long cycleId;
    private String nameUk;
    private String nameEn;
    private long amount;
    private int position;

    protected Category() {}

    public Category(long cycleId, String nameUk, String nameEn, long amount, int position) {
        Cycle.require(!nameUk.isBlank() && !nameEn.isBlank() && nameUk.length() <= 200 && nameEn.length() <= 200,
                "budget.error.categoryName");
        Cycle.require(amount > 0 && amount <= 100_000_000_000_00L, "budget.error.categoryAmount");
        this.cycleId = cycleId;
        this.nameUk = nameUk.strip();
        this.nameEn = nameEn.strip();
        this.amount = amount;
        this.position = position;
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    public Long getId() { return id; }
    public long getCycleId() { return cycleId; }
    public String getNameUk() { return nameUk; }
    public String getNameEn() { return nameEn; }
    public long getAmount() { return amount; }
    public int getPosition() { return position; }
}
