package ua.viche.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Deployment-wide settings derived from configuration. */
@Component
public class VicheSettings {

    private final Path dataDir;
    private final boolean embeddedDatabase;
    private final boolean demoEnabled;
    private final String baseUrl;
    private final boolean martialLaw;
    private final Environment environment;

    public VicheSettings(@Value("${viche.data-dir}") String dataDir,
                         @Value("${viche.db.url:}") String dbUrl,
                         @Value("${viche.demo.enabled:}") String demo,
                         @Value("${viche.base-url:}") String baseUrl,
                         @Value("${viche.calendar.martial-law:true}") boolean martialLaw,
                         Environment environment) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.embeddedDatabase = dbUrl.isBlank();
        this.demoEnabled = Boolean.parseBoolean(demo.trim());
        this.baseUrl = checkedBaseUrl(baseUrl.strip(), embeddedDatabase);
        this.martialLaw = martialLaw;
        this.environment = environment;
    }

    /**
     * The configured base URL without a trailing slash; empty only with the embedded database. A
     * production start (external database) without one is refused: links in e-mails would otherwise
     * have to come from the request, whose Host header the client chooses.
     */
    static String checkedBaseUrl(String baseUrl, boolean embeddedDatabase) {
        if (baseUrl.isEmpty()) {
            if (!embeddedDatabase) {
                throw new IllegalStateException("VICHE_BASE_URL (viche.base-url) is not set. With an external database it is "
                        + "required: it is the public address used in e-mails, the sitemap and sign-in redirects, "
                        + "e.g. VICHE_BASE_URL=https://viche.example.gov.ua");
            }
            return "";
        }
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalStateException("VICHE_BASE_URL (viche.base-url) must be an http or https address such as "
                    + "https://viche.example.gov.ua, not '" + baseUrl + "'");
        }
        return trimmed;
    }

    public Path dataDir() { return dataDir; }

    public boolean embeddedDatabase() { return embeddedDatabase; }

    /** Demo communities, accounts, mailbox and identity provider: only when switched on ({@code VICHE_DEMO=true}). */
    public boolean demoEnabled() { return demoEnabled; }

    /**
     * The public base URL, without a trailing slash: the configured one, else (embedded database
     * only) {@code http://localhost:<port>}. Never taken from a request.
     */
    public String baseUrl() {
        if (!baseUrl.isEmpty()) {
            return baseUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    public boolean martialLaw() { return martialLaw; }

    /**
     * Where uploaded files are kept when not in {@code <data-dir>/files}: a bucket of S3-compatible
     * object storage ({@code VICHE_FILES_S3_BUCKET} and the other {@code VICHE_FILES_S3_…}
     * settings); empty when no bucket is set.
     */
    public Optional<FilesS3> filesS3() {
        String bucket = property("viche.files.s3.bucket");
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        String region = property("viche.files.s3.region");
        return Optional.of(new FilesS3(property("viche.files.s3.endpoint"), bucket, region.isEmpty() ? "us-east-1" : region,
                property("viche.files.s3.access-key"), property("viche.files.s3.secret-key"),
                Boolean.parseBoolean(property("viche.files.s3.path-style"))));
    }

    private String property(String name) {
        return environment.getProperty(name, "").strip();
    }

    /**
     * An S3-compatible bucket: the endpoint (empty for Amazon S3 itself), the bucket, the region,
     * the access key and its secret (both empty: the SDK's default chain, e.g. an instance role),
     * and whether buckets are addressed in the path ({@code http://host/bucket/key}, as MinIO and
     * most S3-compatible servers want) rather than as a host name.
     */
    public record FilesS3(String endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle) {

        @Override
        public String toString() {
            return "FilesS3[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + ", pathStyle=" + pathStyle + "]";
        }
    }

    /** An absolute URL for a path (starting with {@code /}), for e-mails, feeds and redirects: the base URL and the path. */
    public String absolute(String path) {
        return baseUrl() + path;
    }
}
