package ua.viche.certificates.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.Refusal;
import ua.viche.certificates.domain.CertificateOrder;
import ua.viche.certificates.domain.CertificateService;

/** The archivists' queue and their actions on an order; every action ends on the order's page. */
@Refusal.Back({"/{community}/archive/certificates/{id}", "/{community}/archive/certificates/work"})
@Controller
@RequestMapping("/{community}/archive/certificates/work")
class CertificateWorkController {

    private static final int PAGE = 25;

    private final CertificateService certificates;

    CertificateWorkController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping
    String queue(@PathVariable("community") String slug, @RequestParam(name = "tab", defaultValue = "received") String tab,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        CertificateService.Tab which = parse(tab);
        model.addAttribute("tab", which.name().toLowerCase(Locale.ROOT));
        model.addAttribute("tabs", CertificateService.Tab.values());
        model.addAttribute("orders", certificates.queue(which, page, PAGE));
        model.addAttribute("counts", certificates.counts());
        model.addAttribute("today", certificates.today());
        return "certificates/work";
    }

    private static CertificateService.Tab parse(String tab) {
        try {
            return CertificateService.Tab.valueOf(tab.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return CertificateService.Tab.RECEIVED;
        }
    }

    @PostMapping("/{id:\\d+}/take")
    String take(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        return done(certificates.take(id), "certificate.taken", redirect);
    }

    @PostMapping("/{id:\\d+}/extend")
    String extend(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "dueOn", defaultValue = "") String dueOn,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = LocalDate.parse(dueOn.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.of("certificate.error.dueOn");
        }
        return done(certificates.extend(id, day, reason), "certificate.extended", redirect);
    }

    @PostMapping("/{id:\\d+}/refuse")
    String refuse(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        return done(certificates.refuse(id, reason), "certificate.refused", redirect);
    }

    @PostMapping("/{id:\\d+}/issue")
    String issue(@PathVariable("community") String slug, @PathVariable("id") long id,
                 @RequestParam(name = "text", defaultValue = "") String text, RedirectAttributes redirect) {
        return done(certificates.issue(id, text), "certificate.issued", redirect);
    }

    @PostMapping("/{id:\\d+}/revoke")
    String revoke(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        return done(certificates.revoke(id, reason), "certificate.revoked", redirect);
    }

    private static String done(CertificateOrder o, String message, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        return "redirect:" + CertificateService.url(o);
    }
}
