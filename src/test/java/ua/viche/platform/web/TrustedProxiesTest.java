package ua.viche.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.IntegrationTest;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.VicheSettings;

/**
 * Behind a reverse proxy: forwarded headers count only from the trusted proxies of the test
 * configuration (192.0.2.0/24); MockMvc's own requests come from 127.0.0.1, which is not trusted.
 */
@IntegrationTest
class TrustedProxiesTest {

    private static final String PROXY = "192.0.2.10";

    @Autowired MockMvc mvc;
    @Autowired RateLimiter limiter;
    @Autowired VicheSettings settings;

    @BeforeEach
    void resetLimits() {
        limiter.reset();
    }

    @Test
    void httpsThroughATrustedProxyGetsHstsAndSecureCookies() throws Exception {
        MockHttpServletResponse response = mvc.perform(from(PROXY, get("/account/signin"))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.7"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=");
        assertThat(session(response).getSecure()).isTrue();

        MockHttpServletResponse standard = mvc.perform(from(PROXY, get("/account/signin"))
                        .header("Forwarded", "for=198.51.100.7;proto=https;host=viche.example.gov.ua"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(standard.getHeader("Strict-Transport-Security")).contains("max-age=");
        assertThat(session(standard).getSecure()).isTrue();

        MockHttpServletResponse language = mvc.perform(from(PROXY, get("/")).param("lang", "en")
                        .header("X-Forwarded-Proto", "https")).andReturn().getResponse();
        assertThat(language.getCookie("lang")).isNotNull();
        assertThat(language.getCookie("lang").getSecure()).isTrue();
    }

    @Test
    void forwardedHeadersFromAnyoneElseAreIgnored() throws Exception {
        for (String header : new String[] {"X-Forwarded-Proto", "Forwarded"}) {
            String value = header.equals("Forwarded") ? "proto=https;host=evil.example" : "https";
            MockHttpServletResponse response = mvc.perform(get("/account/signin").header(header, value)
                            .header("X-Forwarded-Host", "evil.example"))
                    .andExpect(status().isOk()).andReturn().getResponse();
            assertThat(response.getHeader("Strict-Transport-Security")).isNull();
            assertThat(session(response).getSecure()).isFalse();
        }
        String location = mvc.perform(get("/account").header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).doesNotContain("evil.example");
    }

    @Test
    void theIdGovUaRedirectUriIsTheConfiguredAddressWhateverTheHeadersSay() throws Exception {
        String location = mvc.perform(from(PROXY, get("/account/signin/idgovua"))
                        .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String redirectUri = UriComponentsBuilder.fromUriString(location).build()
                .getQueryParams().getFirst("redirect_uri");
        assertThat(URLDecoder.decode(redirectUri, StandardCharsets.UTF_8))
                .isEqualTo(settings.absolute("/account/signin/idgovua/callback"));
    }

    @Test
    void theSitemapAndCanonicalLinksUseTheConfiguredAddress() throws Exception {
        String sitemap = mvc.perform(get("/sitemap.xml").header("Host", "evil.example")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(sitemap).contains("<loc>" + settings.baseUrl() + "/kropyvnytskyi</loc>").doesNotContain("evil.example");
        String page = mvc.perform(get("/kropyvnytskyi").header("Host", "evil.example")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<link rel=\"canonical\" href=\"" + settings.baseUrl() + "/kropyvnytskyi\">")
                .doesNotContain("evil.example");
    }

    @Test
    void rateLimitsCountTheRealClientBehindATrustedProxy() throws Exception {
        for (int i = 0; i < RateLimiter.SIGN_IN.actions(); i++) {
            // a client sending its own X-Forwarded-For: the proxy appends the address it saw
            mvc.perform(signIn(PROXY, "10.9.8." + i + ", 198.51.100.7", "who-" + i + "@example.org"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(signIn(PROXY, "10.9.9.9, 198.51.100.7", "who-x@example.org")).andExpect(status().isTooManyRequests());
        // another client through the same proxy is not held back by the first one's attempts
        mvc.perform(signIn(PROXY, "198.51.100.8", "who-y@example.org")).andExpect(status().is3xxRedirection());
    }

    @Test
    void anUntrustedClientCannotDodgeRateLimitsWithForwardedHeaders() throws Exception {
        for (int i = 0; i < RateLimiter.SIGN_IN.actions(); i++) {
            mvc.perform(signIn("203.0.113.77", "198.51.100." + i, "dodge-" + i + "@example.org"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(signIn("203.0.113.77", "198.51.100.99", "dodge-x@example.org")).andExpect(status().isTooManyRequests());
    }

    @Test
    void theConfigurationTakesAddressesAndRangesOnly() {
        assertThat(TrustedProxies.parse("10.0.0.5, 192.168.0.0/24 ::1")).hasSize(3);
        assertThat(TrustedProxies.parse("")).isEmpty();
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VICHE_TRUSTED_PROXIES");
        assertThat(TrustedProxies.host("\"[2001:db8::1]:4711\"")).isEqualTo("2001:db8::1");
        assertThat(TrustedProxies.host("198.51.100.7:5000")).isEqualTo("198.51.100.7");
    }

    private static MockHttpServletRequestBuilder signIn(String from, String forwardedFor, String email) {
        return from(from, post("/account/signin").with(csrf())).header("X-Forwarded-For", forwardedFor)
                .param("email", email).param("password", "wrong password");
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> { r.setRemoteAddr(address); return r; });
    }

    private static Cookie session(MockHttpServletResponse response) {
        Cookie cookie = response.getCookie("SESSION");
        assertThat(cookie).as("a session cookie").isNotNull();
        return cookie;
    }
}
