package ua.viche.archive.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import ua.viche.archive.domain.Fond;

/** A fond's description as the form sends it. */
public class FondForm {

    @NotBlank(message = "{validation.required}")
    private String number = "";
    @NotBlank(message = "{validation.required}")
    @Size(max = Fond.MAX_TITLE, message = "{validation.tooLong}")
    private String title = "";
    private @Nullable Integer yearFrom;
    private @Nullable Integer yearTo;
    @Size(max = 500, message = "{validation.tooLong}")
    private String creator = "";
    @Size(max = 20_000, message = "{validation.tooLong}")
    private String history = "";

    Fond.Description description() {
        return new Fond.Description(number, title, yearFrom, yearTo, creator, history);
    }

    static FondForm of(Fond f) {
        FondForm form = new FondForm();
        form.number = f.getNumber();
        form.title = f.getTitle();
        form.yearFrom = f.getYearFrom();
        form.yearTo = f.getYearTo();
        form.creator = f.getCreator();
        form.history = f.getHistory();
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
    public String getCreator() { return creator; }
    public void setCreator(String creator) { this.creator = creator; }
    public String getHistory() { return history; }
    public void setHistory(String history) { this.history = history; }
}
