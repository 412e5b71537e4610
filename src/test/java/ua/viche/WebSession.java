package ua.viche;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A MockMvc client that keeps the session cookie between requests, as a browser does. Sessions
 * live in PostgreSQL (Spring Session JDBC), so a test follows them by cookie, not by a mock session.
 */
public final class WebSession {

    private final MockMvc mvc;
    private Cookie session;

    public WebSession(MockMvc mvc) {
        this.mvc = mvc;
    }

    public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        ResultActions result = mvc.perform(request);
        Cookie issued = result.andReturn().getResponse().getCookie("SESSION");
        if (issued != null) {
            session = issued.getMaxAge() == 0 ? null : issued;
        }
        return result;
    }

    /** The id of the session the cookie names (Spring Session's cookie holds it Base64-encoded). */
    public String sessionId() {
        if (session == null) {
            throw new IllegalStateException("no session yet");
        }
        return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
    }
}
