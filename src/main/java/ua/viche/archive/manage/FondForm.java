package ua.viche.archive.manage;

import jakarta.validation.constraints.Size;
import ua.viche.archive.domain.Fond;

/** A fond's description as the form sends it. */
public class FondForm extends NumberedForm {

    @Size(max = 500, message = "{validation.tooLong}")
    private String creator = "";
    @Size(max = 20_000, message = "{validation.tooLong}")
    private String history = "";

    Fond.Description description() {
        return new Fond.Description(number, title, yearFrom, yearTo, creator, history);
    }

    static FondForm of(Fond f) {
        FondForm form = new FondForm();
        form.fill(f.getNumber(), f.getTitle(), f.getYearFrom(), f.getYearTo());
        form.creator = f.getCreator();
        form.history = f.getHistory();
        return form;
    }

    public String getCreator() { return creator; }
    public void setCreator(String creator) { this.creator = creator; }
    public String getHistory() { return history; }
    public void setHistory(String history) { this.history = history; }
}
