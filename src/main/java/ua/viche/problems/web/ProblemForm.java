package ua.viche.problems.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.jspecify.annotations.Nullable;
import ua.viche.problems.domain.ProblemReport;

/** The report form. Coordinates are text so that a mistyped number gets a clear message. */
public class ProblemForm {

    @NotNull(message = "{problem.error.category}")
    private @Nullable Long categoryId;
    private String latitude = "";
    private String longitude = "";
    @Size(max = 300, message = "{problem.error.addressLong}")
    private String address = "";
    @NotBlank(message = "{problem.error.description}")
    @Size(max = ProblemReport.MAX_DESCRIPTION, message = "{problem.error.descriptionLong}")
    private String description = "";
    @Size(max = 200, message = "{problem.error.nameLong}")
    private String name = "";
    private String email = "";
    private boolean hideName;
    private String idempotencyKey = "";
    private boolean confirmDuplicates;
    private List<MultipartFile> photos = new ArrayList<>();

    public @Nullable Long getCategoryId() { return categoryId; }
    public void setCategoryId(@Nullable Long categoryId) { this.categoryId = categoryId; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isHideName() { return hideName; }
    public void setHideName(boolean hideName) { this.hideName = hideName; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public List<MultipartFile> getPhotos() { return photos; }
    public void setPhotos(List<MultipartFile> photos) { this.photos = photos; }
    public boolean isConfirmDuplicates() { return confirmDuplicates; }
    public void setConfirmDuplicates(boolean confirmDuplicates) { this.confirmDuplicates = confirmDuplicates; }
}
