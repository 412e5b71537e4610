package ua.viche.budget.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;
import ua.viche.budget.domain.CostLine;
import ua.viche.budget.domain.Project;

/**
 * The project form. Cost lines come as parallel lists (item, quantity, unit price in hryvnias);
 * the form shows a fixed number of rows, so it works without JavaScript; empty rows are ignored.
 */
public class ProjectForm {

    public static final int ROWS = 8;

    @NotNull(message = "{budget.field.category.required}")
    private @Nullable Long categoryId;

    @NotBlank(message = "{validation.required}")
    @Size(max = Project.MAX_TITLE, message = "{budget.field.title.tooLong}")
    private String title = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = Project.MAX_SUMMARY, message = "{budget.field.summary.tooLong}")
    private String summary = "";

    @NotBlank(message = "{validation.required}")
    @Size(min = 50, max = Project.MAX_DESCRIPTION, message = "{budget.field.description.size}")
    private String description = "";

    private @Nullable Double latitude;
    private @Nullable Double longitude;

    @Size(max = 300)
    private String address = "";

    private List<String> item = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));
    private List<String> quantity = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));
    private List<String> price = new ArrayList<>(List.of("", "", "", "", "", "", "", ""));

    /** The cost lines entered, in kopecks; a malformed number is refused with the line's key. */
    List<CostLine.Item> costs() {
        List<CostLine.Item> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(item.size(), ROWS); i++) {
            String name = item.get(i) == null ? "" : item.get(i).strip();
            String q = at(quantity, i);
            String p = at(price, i);
            if (name.isEmpty() && q.isEmpty() && p.isEmpty()) {
                continue;
            }
            try {
                BigDecimal qty = Amounts.number(q);
                BigDecimal hryvnias = Amounts.number(p);
                if (hryvnias.scale() > 2 || hryvnias.abs().compareTo(new BigDecimal("10000000000")) > 0) {
                    throw Refusal.of("budget.error.costPrice");
                }
                lines.add(new CostLine.Item(name, qty, hryvnias.movePointRight(2).longValueExact()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw Refusal.of("budget.error.costNumber");
            }
        }
        return lines;
    }

    Project.Draft draft() {
        return new Project.Draft(categoryId == null ? 0 : categoryId, title, summary, description, latitude, longitude,
                address, costs());
    }

    static ProjectForm of(Project p, List<CostLine> lines) {
        ProjectForm f = new ProjectForm();
        f.categoryId = p.getCategoryId();
        f.title = p.getTitle();
        f.summary = p.getSummary();
        f.description = p.getDescription();
        f.latitude = p.getLatitude();
        f.longitude = p.getLongitude();
        f.address = p.getAddress() == null ? "" : p.getAddress();
        List<CostLine> own = lines.stream().filter(l -> !l.isRevised()).toList();
        for (int i = 0; i < Math.min(own.size(), ROWS); i++) {
            f.item.set(i, own.get(i).getItem());
            f.quantity.set(i, own.get(i).getQuantity().stripTrailingZeros().toPlainString());
            f.price.set(i, BigDecimal.valueOf(own.get(i).getUnitPrice()).movePointLeft(2).toPlainString());
        }
        return f;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).strip() : "";
    }

    public @Nullable Long getCategoryId() { return categoryId; }
    public void setCategoryId(@Nullable Long categoryId) { this.categoryId = categoryId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public @Nullable Double getLatitude() { return latitude; }
    public void setLatitude(@Nullable Double latitude) { this.latitude = latitude; }
    public @Nullable Double getLongitude() { return longitude; }
    public void setLongitude(@Nullable Double longitude) { this.longitude = longitude; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public List<String> getItem() { return item; }
    public void setItem(List<String> item) { this.item = item; }
    public List<String> getQuantity() { return quantity; }
    public void setQuantity(List<String> quantity) { this.quantity = quantity; }
    public List<String> getPrice() { return price; }
    public void setPrice(List<String> price) { this.price = price; }
}
