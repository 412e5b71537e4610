package ua.viche.budget.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hibernate.annotations.TenantId;

/**
 * One line of a project's cost breakdown: item, quantity, unit price in kopecks. The reviewer's
 * revised breakdown is kept beside the author's ({@code revised}), so both are shown.
 */
@Entity
@Table(name = "budget_cost_line")
public class CostLine {

    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    public static final long MAX_UNIT_PRICE = 1_000_000_000_00L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private long projectId;
    private int position;
    private String item;
    private BigDecimal quantity;
    private long unitPrice;
    private boolean revised;

    protected CostLine() {}

    CostLine(long projectId, int position, Item line, boolean revised) {
        this.projectId = projectId;
        this.position = position;
        this.item = line.item().strip();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
        this.revised = revised;
    }

    /** A line as entered: what, how many, price of one in kopecks. */
    public record Item(String item, BigDecimal quantity, long unitPrice) {

        /** Refuses empty items and absurd quantities or prices. */
        void check() {
            Cycle.require(!item.isBlank() && item.length() <= 300, "budget.error.costItem");
            Cycle.require(quantity.signum() > 0 && quantity.compareTo(MAX_QUANTITY) <= 0 && quantity.scale() <= 2,
                    "budget.error.costQuantity");
            Cycle.require(unitPrice >= 0 && unitPrice <= MAX_UNIT_PRICE, "budget.error.costPrice");
        }

        /** The line's total in kopecks, rounded half up. */
        public long total() {
            return quantity.multiply(BigDecimal.valueOf(unitPrice)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }

    public Item asItem() {
        return new Item(item, quantity, unitPrice);
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public int getPosition() { return position; }
    public String getItem() { return item; }
    public BigDecimal getQuantity() { return quantity; }
    public long getUnitPrice() { return unitPrice; }
    public boolean isRevised() { return revised; }
    public long getTotal() { return asItem().total(); }
}
