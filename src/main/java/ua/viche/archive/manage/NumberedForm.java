package ua.viche.archive.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import ua.viche.archive.domain.Fond;

/** What the descriptions of a fond and of an inventory share: number, title and years. */
public abstract class NumberedForm {

    @NotBlank(message = "{validation.required}")
    protected String number = "";
    @NotBlank(message = "{validation.required}")
    @Size(max = Fond.MAX_TITLE, message = "{validation.tooLong}")
    protected String title = "";
    protected @Nullable Integer yearFrom;
    protected @Nullable Integer yearTo;

    void fill(String number, String title, @Nullable Integer yearFrom, @Nullable Integer yearTo) {
        this.number = number;
        this.title = title;
        this.yearFrom = yearFrom;
        this.yearTo = yearTo;
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
