package ua.viche.platform.community;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.viche.platform.Community;

/** The platform administrator's form for creating or editing a community. */
public class CommunityForm {

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "[a-z][a-z0-9-]{1,61}[a-z0-9]", message = "{community.slug.invalid}")
    private String slug = "";

    @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
    private String nameUk = "";

    @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}")
    private String nameEn = "";

    @NotNull(message = "{validation.required}")
    private Community.Kind kind = Community.Kind.CITY;

    @Min(value = 0, message = "{validation.population}") @Max(value = 10_000_000, message = "{validation.population}")
    private int population;

    @Size(max = 200, message = "{validation.tooLong}") private String regionUk = "";
    @Size(max = 200, message = "{validation.tooLong}") private String regionEn = "";
    @Email(message = "{validation.email}") @Size(max = 254, message = "{validation.tooLong}") private String email = "";
    @Size(max = 50, message = "{validation.tooLong}") private String phone = "";
    @Size(max = 300, message = "{validation.tooLong}") private String addressUk = "";
    @Size(max = 300, message = "{validation.tooLong}") private String addressEn = "";
    @Size(max = 300, message = "{validation.tooLong}") private String website = "";
    @Pattern(regexp = "|[a-z0-9.-]{3,253}", message = "{community.host.invalid}") private String host = "";

    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug == null ? "" : slug.trim(); }
    public String getNameUk() { return nameUk; }
    public void setNameUk(String nameUk) { this.nameUk = nameUk; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Community.Kind getKind() { return kind; }
    public void setKind(Community.Kind kind) { this.kind = kind; }
    public int getPopulation() { return population; }
    public void setPopulation(int population) { this.population = population; }
    public String getRegionUk() { return regionUk; }
    public void setRegionUk(String regionUk) { this.regionUk = regionUk; }
    public String getRegionEn() { return regionEn; }
    public void setRegionEn(String regionEn) { this.regionEn = regionEn; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddressUk() { return addressUk; }
    public void setAddressUk(String addressUk) { this.addressUk = addressUk; }
    public String getAddressEn() { return addressEn; }
    public void setAddressEn(String addressEn) { this.addressEn = addressEn; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
}
