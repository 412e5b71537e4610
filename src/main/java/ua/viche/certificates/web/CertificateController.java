package ua.viche.certificates.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.Refusal;
import ua.viche.certificates.domain.CertificateOrder;
import ua.viche.certificates.domain.CertificateService;
import ua.viche.certificates.domain.VerifyCode;
import ua.viche.platform.AccessControl;
import ua.viche.platform.RateLimiter;

/** The applicant's pages (own orders, the order form, an order with its certificate) and public verification. */
@Controller
@RequestMapping("/{community}/archive/certificates")
class CertificateController {

    private final CertificateService certificates;
    private final RateLimiter limiter;

    CertificateController(CertificateService certificates, RateLimiter limiter) {
        this.certificates = certificates;
        this.limiter = limiter;
    }

    @GetMapping
    String index(@PathVariable("community") String slug, Model model) {
        model.addAttribute("orders", certificates.mine());
        model.addAttribute("signedIn", AccessControl.currentUser().isPresent());
        model.addAttribute("archivist", certificates.isArchivist());
        return "certificates/index";
    }

    @GetMapping("/new")
    String newForm(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        CertificateForm form = new CertificateForm();
        form.setOutput(CertificateOrder.Output.CERTIFICATE);
        form.setDelivery(CertificateOrder.Delivery.DOWNLOAD);
        certificates.currentPerson().map(p -> p.email()).ifPresent(e -> form.setEmail(e == null ? "" : e));
        return form(model, form);
    }

    @PostMapping
    String create(@PathVariable("community") String slug, @ModelAttribute("form") CertificateForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        AccessControl.requireUser();
        if (errors.hasErrors() || !certificates.eligibility().allowed()) {
            return form(model, form);
        }
        limiter.consume(RateLimiter.SUBMIT, "account-" + AccessControl.requireUser().accountId());
        CertificateOrder o;
        try {
            o = certificates.order(form.request());
        } catch (Refusal e) {
            e.rejectInto(errors);
            return form(model, form);
        }
        redirect.addFlashAttribute("message", "certificate.ordered");
        return "redirect:" + CertificateService.url(o);
    }

    private String form(Model model, CertificateForm form) {
        model.addAttribute("form", form);
        model.addAttribute("outputs", CertificateOrder.Output.values());
        model.addAttribute("topics", CertificateOrder.Topic.values());
        model.addAttribute("deliveries", CertificateOrder.Delivery.values());
        model.addAttribute("eligibility", certificates.eligibility());
        model.addAttribute("applicant", certificates.currentPerson().orElse(null));
        model.addAttribute("pickupPlace", certificates.pickupPlace());
        return "certificates/form";
    }

    @GetMapping("/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        CertificateOrder o = certificates.visible(id);
        boolean archivist = certificates.isArchivist();
        model.addAttribute("o", o);
        model.addAttribute("archivist", archivist);
        model.addAttribute("today", certificates.today());
        model.addAttribute("pickupPlace", certificates.pickupPlace());
        if (archivist && o.getStatus() == CertificateOrder.Status.IN_WORK) { // the text typed before a refusal, else the draft
            String typed = Refusal.typed(model, "text");
            model.addAttribute("draftText", typed != null ? typed : certificates.draft(o));
        }
        if (archivist && o.open()) {
            model.addAttribute("extensionCap", certificates.extensionCap(o));
        }
        if (o.getVerifyCode() != null) {
            model.addAttribute("verifyUrl", certificates.verifyUrl(o.getVerifyCode()));
            model.addAttribute("code", VerifyCode.readable(o.getVerifyCode()));
        }
        return "certificates/show";
    }

    @GetMapping("/{id:\\d+}/certificate.pdf")
    ResponseEntity<InputStreamResource> download(@PathVariable("community") String slug, @PathVariable("id") long id) {
        CertificateService.Download d = certificates.download(id);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString());
        if (d.size() >= 0) {
            response.contentLength(d.size());
        }
        return response.body(new InputStreamResource(d.content()));
    }

    /** The form to type a code; a typed code goes to its own address, which is what the QR code encodes. */
    @GetMapping("/verify")
    String verifyForm(@PathVariable("community") String slug, @RequestParam(name = "code", defaultValue = "") String code,
                      Model model) {
        String c = code.length() > 60 ? code.substring(0, 60) : code;
        String target = VerifyCode.normalise(c).map(VerifyCode::readable).orElse(c.replaceAll("[^A-Za-z0-9-]", ""));
        if (!target.isEmpty()) {
            return "redirect:/" + slug + "/archive/certificates/verify/" + target;
        }
        model.addAttribute("result", null);
        model.addAttribute("code", "");
        return "certificates/verify";
    }

    @GetMapping("/verify/{code}")
    String verify(@PathVariable("community") String slug, @PathVariable("code") String code, Model model) {
        String c = code.length() > 60 ? code.substring(0, 60) : code;
        CertificateService.Verification result = certificates.verify(c);
        model.addAttribute("result", result);
        model.addAttribute("code", result.code());
        return "certificates/verify";
    }
}
