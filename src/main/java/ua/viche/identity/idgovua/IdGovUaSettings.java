package ua.viche.identity.idgovua;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import ua.viche.platform.VicheSettings;

/**
 * Where ID.GOV.UA is and who we are to it. With no address configured and the demo switched on,
 * the demo provider inside this application is used: the browser goes to its pages, and the
 * server calls it on its own port.
 */
@Component
public class IdGovUaSettings {

    public static final String DEMO_PATH = "/demo/idgovua";
    public static final String DEMO_CLIENT_ID = "viche-demo";
    public static final String DEMO_CLIENT_SECRET = "viche-demo+secret/2026=";  // with the characters a real secret may hold, so that the demo proves they travel intact
    /** The path of the platform's own callback, the one redirect URI registered with the provider. */
    public static final String CALLBACK = "/account/signin/idgovua/callback";

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;
    private final String authTypes;
    private final boolean demo;
    private final Environment environment;
    private final VicheSettings settings;

    IdGovUaSettings(@Value("${viche.idgovua.base-url:}") String baseUrl,
                    @Value("${viche.idgovua.client-id:}") String clientId,
                    @Value("${viche.idgovua.client-secret:}") String clientSecret,
                    @Value("${viche.idgovua.auth-types:dig_sign,bank_id,diia_id}") String authTypes,
                    VicheSettings settings, Environment environment) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.demo = baseUrl.isBlank() && settings.demoEnabled();
        this.clientId = demo ? DEMO_CLIENT_ID : clientId;
        this.clientSecret = demo ? DEMO_CLIENT_SECRET : clientSecret;
        this.authTypes = authTypes;
        this.environment = environment;
        this.settings = settings;
    }

    /**
     * The redirect URI registered with the provider: the platform's callback under the configured
     * base URL (under the current request's base only while no base URL is configured).
     */
    public String redirectUri() {
        return settings.absolute(CALLBACK);
    }

    public boolean enabled() { return demo || !baseUrl.isBlank(); }

    public boolean demo() { return demo; }

    /** Base of the pages the browser is sent to. */
    public String browserBase() {
        return demo ? DEMO_PATH : baseUrl;
    }

    /** Base for the server's own calls (token and user info). */
    public String serverBase() {
        if (!demo) {
            return baseUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "") + DEMO_PATH;
    }

    public String clientId() { return clientId; }

    public String clientSecret() { return clientSecret; }

    public String authTypes() { return authTypes; }
}
