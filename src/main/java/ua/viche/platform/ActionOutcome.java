package ua.viche.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.util.UriUtils;

/**
 * The outcome of a counted action (signing, voting), carried back in the redirect's address
 * ({@code ?done=…}) instead of a flash attribute, so that the action leaves the session untouched
 * (decision 0023). The page says it only while it is still true of the viewer: an outcome of doing
 * ("signed") only to someone who has, an outcome of undoing ("withdrawn") only to someone who has
 * not, so that a shared or reloaded address never says anything false.
 *
 * @param messagePrefix the message key is this prefix and the outcome
 * @param ifDone        outcomes said to a viewer in the done state
 * @param ifUndone      outcomes said to a viewer not in it
 */
public record ActionOutcome(String messagePrefix, Set<String> ifDone, Set<String> ifUndone) {

    /**
     * Sends the redirect (303 See Other) to {@code path} that carries the outcome, to the page's
     * {@code anchor}. Sent on the response itself, not returned as a view name or a response entity:
     * nothing resolves or renders a view for it, and the response goes out in one write with its
     * length known. Counted actions are the requests people race to send.
     */
    public void redirect(HttpServletResponse response, String path, String outcome, String anchor) throws IOException {
        response.sendRedirect(UriUtils.encodePath(path, StandardCharsets.UTF_8) + "?done=" + outcome + "#" + anchor,
                HttpServletResponse.SC_SEE_OTHER);
    }

    /** The message key the address asks for, if it is true of a viewer who is (or is not) in the done state. */
    public @Nullable String message(@Nullable String done, boolean viewerDone) {
        if (done == null || !(viewerDone ? ifDone : ifUndone).contains(done)) {
            return null;
        }
        return messagePrefix + done;
    }

    /** Shows that message as the page's {@code message}, unless the page has one already. */
    public void show(Model model, @Nullable String done, boolean viewerDone) {
        String message = message(done, viewerDone);
        if (message != null && !model.containsAttribute("message")) {
            model.addAttribute("message", message);
        }
    }
}
