package ua.viche.archive.manage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import ua.viche.archive.domain.ArchiveFile;

/** A file's description as the form sends it. */
public class FileForm {

    @NotBlank(message = "{validation.required}")
    private String number = "";
    @NotBlank(message = "{validation.required}")
    @Size(max = ArchiveFile.MAX_TITLE, message = "{validation.tooLong}")
    private String title = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dateFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate dateTo;
    @NotNull(message = "{validation.required}")
    private @Nullable Integer extent = 0;
    private String language = "uk";
    private boolean personalData;

    ArchiveFile.Description description() {
        return new ArchiveFile.Description(number, title, dateFrom, dateTo, extent == null ? 0 : extent, language, personalData);
    }

    static FileForm of(ArchiveFile f) {
        FileForm form = new FileForm();
        form.number = f.getNumber();
        form.title = f.getTitle();
        form.dateFrom = f.getDateFrom();
        form.dateTo = f.getDateTo();
        form.extent = f.getExtent();
        form.language = f.getLanguage();
        form.personalData = f.isPersonalData();
        return form;
    }

    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public @Nullable LocalDate getDateFrom() { return dateFrom; }
    public void setDateFrom(@Nullable LocalDate dateFrom) { this.dateFrom = dateFrom; }
    public @Nullable LocalDate getDateTo() { return dateTo; }
    public void setDateTo(@Nullable LocalDate dateTo) { this.dateTo = dateTo; }
    public @Nullable Integer getExtent() { return extent; }
    public void setExtent(@Nullable Integer extent) { this.extent = extent; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public boolean isPersonalData() { return personalData; }
    public void setPersonalData(boolean personalData) { this.personalData = personalData; }
}
