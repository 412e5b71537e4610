package ua.viche.platform;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Deployment-wide settings derived from configuration. */
@Component
public class VicheSettings {

    private final Path dataDir;
    private final boolean embeddedDatabase;
    private final boolean demoEnabled;
    private final String baseUrl;
    private final boolean martialLaw;

    public VicheSettings(@Value("${viche.data-dir}") String dataDir,
                         @Value("${viche.db.url:}") String dbUrl,
                         @Value("${viche.demo.enabled:}") String demo,
                         @Value("${viche.base-url:}") String baseUrl,
                         @Value("${viche.calendar.martial-law:true}") boolean martialLaw) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.embeddedDatabase = dbUrl.isBlank();
        this.demoEnabled = demo.isBlank() ? embeddedDatabase : Boolean.parseBoolean(demo.trim());
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.martialLaw = martialLaw;
    }

    public Path dataDir() { return dataDir; }

    public boolean embeddedDatabase() { return embeddedDatabase; }

    /** Demo communities, accounts, mailbox and identity provider. */
    public boolean demoEnabled() { return demoEnabled; }

    /** Configured public base URL, or empty when it is taken from the request. */
    public String baseUrl() { return baseUrl; }

    public boolean martialLaw() { return martialLaw; }

    /**
     * An absolute URL for a path, for e-mails and feeds: the configured base URL, else the base of
     * the current request, else the path alone (work outside a request with no base configured).
     */
    public String absolute(String path) {
        if (!baseUrl.isEmpty()) {
            return baseUrl + path;
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes() != null) {
            return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                    .toUriString() + path;
        }
        return path;
    }
}
