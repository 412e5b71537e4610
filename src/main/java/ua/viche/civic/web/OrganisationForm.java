package ua.viche.civic.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ua.viche.civic.domain.Field;
import ua.viche.civic.domain.LegalForm;
import ua.viche.civic.domain.Organisation;
import ua.viche.platform.Refusal;

/** The registration and edit form of an organisation, bound from the request; unknown choices are refused on their field. */
public class OrganisationForm {

    private String name = "";
    private String edrpou = "";
    private String legalForm = "";
    private List<String> fields = new ArrayList<>();
    private String email = "";
    private String phone = "";
    private String website = "";
    private String address = "";
    private String description = "";

    Organisation.Details details() {
        LegalForm form = null;
        if (!legalForm.isBlank()) {
            try {
                form = LegalForm.valueOf(legalForm);
            } catch (IllegalArgumentException e) {
                throw Refusal.field("legalForm", "civic.error.legalForm");
            }
        }
        List<Field> chosen = new ArrayList<>();
        for (String f : fields) {
            try {
                chosen.add(Field.valueOf(f));
            } catch (IllegalArgumentException e) {
                throw Refusal.field("fields", "civic.error.fields");
            }
        }
        return new Organisation.Details(name, edrpou, form, chosen, email, phone, website, address, description);
    }

    public boolean hasField(String f) {
        return fields.contains(f);
    }

    public String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name == null ? "" : name; }
    public String getEdrpou() { return edrpou; }
    public void setEdrpou(@Nullable String edrpou) { this.edrpou = edrpou == null ? "" : edrpou; }
    public String getLegalForm() { return legalForm; }
    public void setLegalForm(@Nullable String legalForm) { this.legalForm = legalForm == null ? "" : legalForm; }
    public List<String> getFields() { return fields; }
    public void setFields(@Nullable List<String> fields) { this.fields = fields == null ? new ArrayList<>() : fields; }
    public String getEmail() { return email; }
    public void setEmail(@Nullable String email) { this.email = email == null ? "" : email; }
    public String getPhone() { return phone; }
    public void setPhone(@Nullable String phone) { this.phone = phone == null ? "" : phone; }
    public String getWebsite() { return website; }
    public void setWebsite(@Nullable String website) { this.website = website == null ? "" : website; }
    public String getAddress() { return address; }
    public void setAddress(@Nullable String address) { this.address = address == null ? "" : address; }
    public String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description == null ? "" : description; }
}
