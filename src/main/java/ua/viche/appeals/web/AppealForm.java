package ua.viche.appeals.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import ua.viche.appeals.domain.Appeal;
import ua.viche.appeals.domain.AppealRegistration;

/** The appeal form, from the web or typed by a hotline operator (who also gives the caller's name and e-mail). */
public class AppealForm {

    @NotNull(message = "{validation.required}")
    private Appeal.@Nullable Kind kind;

    @NotNull(message = "{appeal.field.category.required}")
    private @Nullable Long categoryId;

    @NotBlank(message = "{validation.required}")
    @Size(max = Appeal.MAX_SUBJECT, message = "{appeal.field.subject.tooLong}")
    private String subject = "";

    @NotBlank(message = "{validation.required}")
    @Size(min = 20, max = Appeal.MAX_TEXT, message = "{appeal.field.text.size}")
    private String text = "";

    @NotBlank(message = "{appeal.field.address.required}")
    @Size(max = 500, message = "{appeal.field.address.tooLong}")
    private String address = "";

    @Pattern(regexp = "^$|^\\+?[0-9 ()-]{7,20}$", message = "{appeal.field.phone.invalid}")
    private String phone = "";

    @Size(max = 200, message = "{appeal.field.benefit.tooLong}")
    private String benefit = "";

    @Size(max = 300, message = "{appeal.field.name.tooLong}")
    private String name = "";

    @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{appeal.field.email.invalid}")
    @Size(max = 254)
    private String email = "";

    AppealRegistration.Request request() {
        return new AppealRegistration.Request(kind == null ? Appeal.Kind.APPLICATION : kind, categoryId, subject, text, address,
                phone.isBlank() ? null : phone.strip(), benefit.isBlank() ? null : benefit.strip());
    }

    public Appeal.@Nullable Kind getKind() { return kind; }
    public void setKind(Appeal.@Nullable Kind kind) { this.kind = kind; }
    public @Nullable Long getCategoryId() { return categoryId; }
    public void setCategoryId(@Nullable Long categoryId) { this.categoryId = categoryId; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getBenefit() { return benefit; }
    public void setBenefit(String benefit) { this.benefit = benefit; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
