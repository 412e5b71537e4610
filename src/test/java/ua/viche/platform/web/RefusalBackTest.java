package ua.viche.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/** Where a refused page goes back to: the handler's declaration, else the Referer of this site and community, else home. */
class RefusalBackTest {

    @Refusal.Back({"/{community}/things/{id}", "/{community}/things"})
    static class Declared {
        public void act() { }

        @Refusal.Back("/{community}/console?workplace={workplace}")
        public void console() { }
    }

    static class Undeclared {
        public void act() { }
    }

    @BeforeEach
    void inCommunity() {
        CurrentCommunity.set(new Community(1, "kropyvnytskyi", "Кропивницька", "Kropyvnytskyi", Community.Kind.CITY, 1,
                null, null, null, null, null, null, null, null, Map.of()));
    }

    @AfterEach
    void clear() {
        CurrentCommunity.set(null);
    }

    private static HandlerMethod handler(Class<?> type, String method) throws NoSuchMethodException {
        Object bean = type == Declared.class ? new Declared() : new Undeclared();
        return new HandlerMethod(bean, type.getMethod(method));
    }

    private static MockHttpServletRequest request(String method, String path, Map<String, String> variables) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setServerName("viche.example");
        r.setServerPort(80);
        r.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return r;
    }

    @Test
    void theFirstDeclaredPathThatCanBeFilledIn() throws Exception {
        assertThat(Refusals.back(request("POST", "/kropyvnytskyi/things/7/close", Map.of("community", "kropyvnytskyi", "id", "7")),
                handler(Declared.class, "act"))).isEqualTo("/kropyvnytskyi/things/7");
        assertThat(Refusals.back(request("POST", "/kropyvnytskyi/things", Map.of("community", "kropyvnytskyi")),
                handler(Declared.class, "act"))).isEqualTo("/kropyvnytskyi/things");
    }

    @Test
    void aMethodsDeclarationWinsAndTakesPlainParameters() throws Exception {
        MockHttpServletRequest r = request("POST", "/kropyvnytskyi/console/call", Map.of("community", "kropyvnytskyi"));
        r.setParameter("workplace", "12");
        assertThat(Refusals.back(r, handler(Declared.class, "console"))).isEqualTo("/kropyvnytskyi/console?workplace=12");
    }

    @Test
    void aRefusedPageNeverSendsBackToItself() throws Exception {
        MockHttpServletRequest r = request("GET", "/kropyvnytskyi/things/7", Map.of("community", "kropyvnytskyi", "id", "7"));
        assertThat(Refusals.back(r, handler(Declared.class, "act"))).isEqualTo("/kropyvnytskyi/things");
    }

    @Test
    void withoutADeclarationTheRefererOfThisSiteAndCommunity() throws Exception {
        MockHttpServletRequest same = request("POST", "/kropyvnytskyi/x/act", Map.of());
        same.addHeader("Referer", "http://viche.example/kropyvnytskyi/x/page?tab=2");
        assertThat(Refusals.back(same, handler(Undeclared.class, "act"))).isEqualTo("/kropyvnytskyi/x/page?tab=2");

        MockHttpServletRequest otherCommunity = request("POST", "/kropyvnytskyi/x/act", Map.of());
        otherCommunity.addHeader("Referer", "http://viche.example/dmytrivka/x/page");
        assertThat(Refusals.back(otherCommunity, handler(Undeclared.class, "act"))).isEqualTo("/kropyvnytskyi");

        MockHttpServletRequest otherSite = request("POST", "/kropyvnytskyi/x/act", Map.of());
        otherSite.addHeader("Referer", "http://evil.example/kropyvnytskyi/x/page");
        assertThat(Refusals.back(otherSite, handler(Undeclared.class, "act"))).isEqualTo("/kropyvnytskyi");

        MockHttpServletRequest lookalike = request("POST", "/kropyvnytskyi/x/act", Map.of());
        lookalike.addHeader("Referer", "http://viche.example/kropyvnytskyi-fake/x");
        assertThat(Refusals.back(lookalike, handler(Undeclared.class, "act"))).isEqualTo("/kropyvnytskyi");

        MockHttpServletRequest broken = request("POST", "/kropyvnytskyi/x/act", Map.of());
        broken.addHeader("Referer", "::not a uri::");
        assertThat(Refusals.back(broken, handler(Undeclared.class, "act"))).isEqualTo("/kropyvnytskyi");
    }

    @Test
    void aDeclaredPathIsEncodedAndStaysOnThisSite() throws Exception {
        MockHttpServletRequest r = request("POST", "/kropyvnytskyi/things/x/close",
                Map.of("community", "kropyvnytskyi", "id", "a b?c#d"));
        String back = Refusals.back(r, handler(Declared.class, "act"));
        assertThat(back).startsWith("/kropyvnytskyi/things/").doesNotContain(" ").doesNotContain("?c").doesNotContain("#d");
    }
}
