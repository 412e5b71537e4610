package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The public base URL and the demo switch: never from a request, never on by accident. */
class VicheSettingsTest {

    @Test
    void aProductionStartWithoutABaseUrlIsRefused() {
        assertThatThrownBy(() -> settings("jdbc:postgresql://db/viche", "", ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VICHE_BASE_URL");
        assertThatThrownBy(() -> settings("", "", "viche.example.gov.ua"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> settings("", "", "javascript:alert(1)")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void linksUseTheConfiguredBaseUrlOrLocalhostWithTheEmbeddedDatabase() {
        assertThat(settings("jdbc:postgresql://db/viche", "", "https://viche.example.gov.ua/").absolute("/account"))
                .isEqualTo("https://viche.example.gov.ua/account");
        MockEnvironment env = new MockEnvironment().withProperty("local.server.port", "18080");
        assertThat(new VicheSettings("target/unused", "", "", "", true, env).absolute("/sitemap.xml"))
                .isEqualTo("http://localhost:18080/sitemap.xml");
    }

    @Test
    void theDemoIsOffUnlessSwitchedOn() {
        assertThat(settings("", "", "").demoEnabled()).isFalse();
        assertThat(settings("", "true", "").demoEnabled()).isTrue();
        assertThat(settings("jdbc:postgresql://db/viche", "true", "https://demo.example").demoEnabled()).isTrue();
    }

    private static VicheSettings settings(String dbUrl, String demo, String baseUrl) {
        return new VicheSettings("target/unused", dbUrl, demo, baseUrl, true, new MockEnvironment());
    }
}
