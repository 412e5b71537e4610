package ua.viche.archive.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Inventory;

/** An inventory's description as the form sends it. */
public class InventoryForm {

    @NotBlank(message = "{validation.required}")
    private String number = "";
    @NotBlank(message = "{validation.required}")
    @Size(max = Fond.MAX_TITLE, message = "{validation.tooLong}")
    private String title = "";
    private @Nullable Integer yearFrom;
    private @Nullable Integer yearTo;

    Inventory.Description description() {
        return new Inventory.Description(number, title, yearFrom, yearTo);
    }

    static InventoryForm of(Inventory i) {
        InventoryForm form = new InventoryForm();
        form.number = i.getNumber();
        form.title = i.getTitle();
        form.yearFrom = i.getYearFrom();
        form.yearTo = i.getYearTo();
        return form;
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public @Nullable Integer getYearFrom() { return yearFrom; }
    public void setYearFrom(@Nullable Integer yearFrom) { this.yearFrom = yearFrom; }
    public @Nullable Integer getYearTo() { return yearTo; }
    public void setYearTo(@Nullable Integer yearTo) { this.yearTo = yearTo; }
}
