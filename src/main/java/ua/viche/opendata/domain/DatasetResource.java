package ua.viche.opendata.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A resource of a dataset: an uploaded file (its versions kept, the latest served), a link to a file
 * elsewhere, or a generated one ({@code exportPath}: a module's own export under the community,
 * fetched on schedule). Size and checksum are the latest version's.
 */
@Entity
@Table(name = "opendata_resource")
public class DatasetResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    private Long communityId;

    private UUID uuid;
    private long datasetId;
    private int position;
    private String name;
    private String description;

    @Enumerated(EnumType.STRING)
    private Format format;

    private String mediaType;
    private @Nullable String url;
    private @Nullable String exportPath;
    private @Nullable Long sizeBytes;
    private @Nullable String sha256;
    private Instant createdAt;
    private Instant modifiedAt;
    private long downloads;

    protected DatasetResource() {}

    public DatasetResource(long datasetId, int position, String name, Format format, @Nullable String url, @Nullable String exportPath, Instant now) {
        this.uuid = UUID.randomUUID();
        this.datasetId = datasetId;
        this.position = position;
        this.name = name;
        this.description = "";
        this.format = format;
        this.mediaType = format.mediaType();
        this.url = url;
        this.exportPath = exportPath;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    public boolean isGenerated() { return exportPath != null; }

    public boolean isUploaded() { return exportPath == null && url == null; }

    public void versioned(long size, String sha256, Instant at) {
        this.sizeBytes = size;
        this.sha256 = sha256;
        this.modifiedAt = at;
    }

    public Long getId() { return id; }
    public UUID getUuid() { return uuid; }
    public long getDatasetId() { return datasetId; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public Format getFormat() { return format; }
    public String getMediaType() { return mediaType; }
    public @Nullable String getUrl() { return url; }
    public @Nullable String getExportPath() { return exportPath; }
    public @Nullable Long getSizeBytes() { return sizeBytes; }
    public @Nullable String getSha256() { return sha256; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getModifiedAt() { return modifiedAt; }
    public long getDownloads() { return downloads; }
}
