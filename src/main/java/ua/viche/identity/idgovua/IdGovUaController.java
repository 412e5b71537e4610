package ua.viche.identity.idgovua;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import ua.viche.identity.domain.Account;
import ua.viche.identity.domain.AccountService;
import ua.viche.identity.domain.TaxNumberHasher;
import ua.viche.identity.domain.VerifiedIdentity;
import ua.viche.identity.web.SignInSupport;
import ua.viche.platform.AccessControl;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.SignedInUser;

/**
 * Sign-in through ID.GOV.UA: sends the browser to the provider with a one-time state kept in the
 * session, and on return checks the state, exchanges the code and signs the person in.
 */
@Controller
class IdGovUaController {

    static final String PROVIDER = "idgovua";
    private static final Logger log = LoggerFactory.getLogger(IdGovUaController.class);
    private static final String STATE = "idgovua.state";
    private static final String STATE_AT = "idgovua.stateAt";
    private static final Duration STATE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdGovUaSettings settings;
    private final IdGovUaClient client;
    private final AccountService accounts;
    private final TaxNumberHasher hasher;
    private final SignInSupport signIn;
    private final Clock clock;

    IdGovUaController(IdGovUaSettings settings, IdGovUaClient client, AccountService accounts, TaxNumberHasher hasher,
                      SignInSupport signIn, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.accounts = accounts;
        this.hasher = hasher;
        this.signIn = signIn;
        this.clock = clock;
    }

    @GetMapping("/account/signin/idgovua")
    String start(HttpServletRequest request) {
        if (!settings.enabled()) {
            throw new NotFoundException("error.404.text");
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        HttpSession session = request.getSession(true);
        session.setAttribute(STATE, state);
        session.setAttribute(STATE_AT, Instant.now(clock).toEpochMilli());
        String redirectUri = settings.redirectUri();
        String target = UriComponentsBuilder.fromUriString(settings.browserBase() + "/")
                .queryParam("response_type", "code")
                .queryParam("client_id", settings.clientId())
                .queryParam("auth_type", settings.authTypes())
                .queryParam("state", state)
                .queryParam("redirect_uri", redirectUri)
                .encode().build().toUriString();
        return "redirect:" + target;
    }

    @GetMapping(IdGovUaSettings.CALLBACK)
    String callback(@RequestParam(name = "code", defaultValue = "") String code,
                    @RequestParam(name = "state", defaultValue = "") String state,
                    @RequestParam(name = "error", defaultValue = "") String error,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(STATE);
        Object issuedAt = session == null ? null : session.getAttribute(STATE_AT);
        if (session != null) {
            session.removeAttribute(STATE);
            session.removeAttribute(STATE_AT);
        }
        boolean stateOk = expected instanceof String s && !state.isEmpty() && s.equals(state)
                && issuedAt instanceof Long at && Instant.now(clock).toEpochMilli() - at < STATE_VALIDITY.toMillis();
        if (!stateOk) {
            return failure(response, model, HttpStatus.BAD_REQUEST, "idgovua.error.state");
        }
        if (!error.isEmpty() || code.isEmpty()) {
            return failure(response, model, HttpStatus.BAD_REQUEST, "idgovua.error.cancelled");
        }
        VerifiedIdentity identity;
        try {
            IdGovUaClient.Token token = client.token(code);
            IdGovUaClient.UserInfo info = client.userInfo(token);
            String taxHash = info.drfocode() != null && TaxNumberHasher.valid(info.drfocode().strip())
                    ? hasher.hash(info.drfocode()) : null;
            identity = new VerifiedIdentity(PROVIDER, taxHash != null ? taxHash : "user:" + token.userId(), taxHash,
                    info.lastname(), info.givenname(), info.middlename(), info.email(), info.address(), taxHash != null,
                    info.drfocode() == null ? null
                            : TaxNumberHasher.birthDate(info.drfocode(), LocalDate.now(clock)).orElse(null),
                    info.addressCode());
        } catch (IdGovUaClient.InvalidCodeException e) {
            log.info("ID.GOV.UA refused the authorisation code: {}", e.getMessage());
            return failure(response, model, HttpStatus.BAD_REQUEST, "idgovua.error.code");
        } catch (IdGovUaClient.IdGovUaException e) {
            log.warn("ID.GOV.UA sign-in failed: {}", e.getMessage());
            return failure(response, model, HttpStatus.BAD_GATEWAY, "idgovua.error.provider");
        }
        Long signedIn = AccessControl.currentUser().map(SignedInUser::accountId).orElse(null);
        Account account;
        try {
            account = accounts.signInExternal(identity, signedIn);
        } catch (Refusal e) { // the identity belongs to another account: a page of its own, as every other sign-in failure here
            return failure(response, model, HttpStatus.CONFLICT, e.messageKey());
        }
        return "redirect:" + signIn.signIn(account, request, response);
    }

    private static String failure(HttpServletResponse response, Model model, HttpStatus status, String key) {
        response.setStatus(status.value());
        model.addAttribute("messageKey", key);
        return "identity/signin-failed";
    }
}
