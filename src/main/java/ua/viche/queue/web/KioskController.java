package ua.viche.queue.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AccessControl;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;
import ua.viche.queue.domain.Catalogue;
import ua.viche.queue.domain.Kiosks;
import ua.viche.queue.domain.Office;
import ua.viche.platform.Refusal;

/**
 * Kiosks: the administrators' list (create, revoke) and the enrolment of a device, by its token
 * typed at the kiosk page or by the one-time enrol link. An enrolled device keeps a secret of its
 * own in a long-lived cookie, HttpOnly, SameSite=Strict, limited to the community's CNAP pages and
 * Secure whenever the request came over HTTPS.
 */
@Refusal.Back("/{community}/cnap")
@Controller
@RequestMapping("/{community}/cnap")
class KioskController {

    static final String COOKIE = "viche_kiosk";
    static final Duration COOKIE_AGE = Duration.ofDays(400);

    private final Kiosks kiosks;
    private final Catalogue catalogue;
    private final AccessControl access;
    private final RateLimiter limiter;
    private final VicheSettings settings;

    KioskController(Kiosks kiosks, Catalogue catalogue, AccessControl access, RateLimiter limiter, VicheSettings settings) {
        this.kiosks = kiosks;
        this.catalogue = catalogue;
        this.access = access;
        this.limiter = limiter;
        this.settings = settings;
    }

    @GetMapping("/console/kiosks")
    @Refusal.Back("/{community}/cnap/console/kiosks")
    String list(@PathVariable("community") String slug, Model model) {
        access.require(Role.CNAP_ADMINISTRATOR, Role.COMMUNITY_ADMIN);
        model.addAttribute("kiosks", kiosks.list());
        model.addAttribute("offices", catalogue.offices());
        model.addAttribute("officeById", catalogue.offices().stream().collect(Collectors.toMap(Office::getId, Function.identity())));
        return "queue/kiosks";
    }

    /** Creates a kiosk and shows its token and enrol link this once (the page is not kept anywhere). */
    @PostMapping("/console/kiosks")
    @Refusal.Back("/{community}/cnap/console/kiosks")
    String create(@PathVariable("community") String slug, @RequestParam(name = "office", defaultValue = "0") long office,
                  @RequestParam(name = "name", defaultValue = "") String name, HttpServletResponse response, Model model) {
        Kiosks.Created created = kiosks.create(office, name);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", created);
        model.addAttribute("link", settings.absolute("/" + slug + "/cnap/kiosk/enrol/" + created.linkCode()));
        return list(slug, model);
    }

    @PostMapping("/console/kiosks/{id:\\d+}/revoke")
    @Refusal.Back("/{community}/cnap/console/kiosks")
    String revoke(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        kiosks.revoke(id);
        redirect.addFlashAttribute("message", "queue.kiosk.revoked");
        return "redirect:/" + slug + "/cnap/console/kiosks";
    }

    /** The one-time enrol link: a page with one button, so that a link preview cannot use it up. */
    @GetMapping("/kiosk/enrol/{code}")
    String link(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        model.addAttribute("code", code.length() > 60 ? "" : code);
        return "queue/kiosk-link";
    }

    /** Enrols this device with a kiosk's token or an enrol link's code; back to the kiosk page of its office. */
    @PostMapping("/kiosk/enrol")
    @Refusal.Back({"/{community}/cnap/offices/{office}/kiosk", "/{community}/cnap/offices"})
    String enrol(@PathVariable("community") String slug, @RequestParam(name = "token", defaultValue = "") String token,
                 @RequestParam(name = "office", required = false) @Nullable Long office, HttpServletRequest request,
                 HttpServletResponse response, RedirectAttributes redirect) {
        limiter.consume(RateLimiter.SIGN, "kiosk-enrol-" + request.getRemoteAddr());
        Kiosks.Enrolment e = kiosks.enrol(token.length() > 100 ? "" : token);
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, e.secret()).path("/" + slug + "/cnap").maxAge(COOKIE_AGE)
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").build().toString());
        redirect.addFlashAttribute("message", "queue.kiosk.enrolled");
        return "redirect:/" + slug + "/cnap/offices/" + e.officeId() + "/kiosk";
    }

    /** The kiosk secret the browser sent, if any. */
    static @Nullable String secret(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
