package ua.viche.platform;

import java.net.URI;
import java.nio.file.Path;
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

    /** An absolute URL for a path (starting with {@code /}), for e-mails, feeds and redirects: the base URL and the path. */
    public String absolute(String path) {
        return baseUrl() + path;
    }
}
