package ua.viche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.VicheUser;

/** Signs an account in after an external provider vouched for it (session id changed). */
@Component
public class SignInSupport {

    private final SecurityContextRepository contexts;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    SignInSupport(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    /** Signs in and returns where to go next: the page that asked for sign-in, else the account page. */
    public String signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
        VicheUser user = new VicheUser(account);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SavedRequest saved = requests.getRequest(request, response);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (saved != null) {
            requests.removeRequest(request, response);
            String url = saved.getRedirectUrl();
            String base = request.getScheme() + "://" + request.getServerName();
            if (url.startsWith(base)) {
                int pathStart = url.indexOf('/', base.length());
                return pathStart < 0 ? "/account" : url.substring(pathStart);
            }
        }
        return "/account";
    }
}
