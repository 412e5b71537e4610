package ua.viche.civic.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.civic.CivicModule;
import ua.viche.civic.domain.Field;
import ua.viche.civic.domain.LegalForm;
import ua.viche.civic.domain.Organisation;
import ua.viche.civic.domain.OrganisationRegister;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Refusal;

/** The register of organisations: the public list with filters, a profile, the registration form, the staff's review. */
@Controller
class OrganisationController {

    private final OrganisationRegister register;
    private final MessageSource messages;

    OrganisationController(OrganisationRegister register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    /** Model attributes "errorText" and "errorTexts": a flashed refusal's messages in the reader's language. */
    @ModelAttribute
    void refusalText(Model model, Locale locale) {
        CivicForms.describe(model, messages, locale);
    }

    @GetMapping("/{community}/organisations")
    String list(@PathVariable("community") String slug, @RequestParam(name = "form", required = false) @Nullable String form,
                @RequestParam(name = "field", required = false) @Nullable String field,
                @RequestParam(name = "q", required = false) @Nullable String q,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        OrganisationRegister.Filter filter = OrganisationRegister.Filter.parse(form, field, q);
        var found = register.publicRegister(filter, page, 20);
        model.addAttribute("organisations", found);
        model.addAttribute("logos", register.logos(found.getContent()));
        model.addAttribute("filter", filter);
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("fieldsOfActivity", Field.values());
        model.addAttribute("mine", register.mine());
        model.addAttribute("isStaff", register.isStaff());
        model.addAttribute("selfRegistration", CivicModule.SELF_REGISTRATION.value());
        return "civic/organisations";
    }

    @GetMapping("/{community}/organisations/{id:\\d+}")
    String show(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Organisation o = register.visible(id);
        model.addAttribute("organisation", o);
        model.addAttribute("logo", register.logo(o).orElse(null));
        model.addAttribute("mayEdit", register.mayEdit(o));
        model.addAttribute("isStaff", register.isStaff());
        return "civic/organisation";
    }

    @GetMapping("/{community}/organisations/{id:\\d+}/logo/{file:\\d+}")
    ResponseEntity<InputStreamResource> logo(@PathVariable("community") String slug, @PathVariable("id") long id,
                                             @PathVariable("file") long file) throws IOException {
        return register.downloadLogo(id, file);
    }

    @GetMapping("/{community}/organisations/{id:\\d+}/edit")
    String edit(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        Organisation o = register.forEditing(id);
        model.addAttribute("organisation", o);
        model.addAttribute("logo", register.logo(o).orElse(null));
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("fieldsOfActivity", Field.values());
        return "civic/organisation-edit";
    }

    /** The registrant or staff change the details (the EDRPOU code stays); a fault goes back to the form with what was typed. */
    @PostMapping("/{community}/organisations/{id:\\d+}/edit")
    @Refusal.Back("/{community}/organisations/{id}/edit")
    String change(@PathVariable("community") String slug, @PathVariable("id") long id, @ModelAttribute OrganisationForm form,
                  RedirectAttributes redirect) {
        register.forEditing(id); // who may not edit learns nothing of what is wrong with the form
        Organisation o = register.change(id, form.details());
        redirect.addFlashAttribute("message", "civic.orgEdit.saved");
        return "redirect:" + o.url(slug);
    }

    @PostMapping("/{community}/organisations/{id:\\d+}/logo")
    @Refusal.Back("/{community}/organisations/{id}/edit")
    String changeLogo(@PathVariable("community") String slug, @PathVariable("id") long id,
                      @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
                      @RequestParam(name = "dropLogo", defaultValue = "false") boolean drop, RedirectAttributes redirect) throws IOException {
        Organisation o = register.changeLogo(id, CivicForms.upload(logo), drop);
        redirect.addFlashAttribute("message", "civic.logo.changed");
        return "redirect:" + o.url(slug);
    }

    @GetMapping("/{community}/organisations/new")
    String form(@PathVariable("community") String slug, Model model) {
        AccessControl.requireUser();
        return showForm(model, new OrganisationForm());
    }

    private String showForm(Model model, OrganisationForm form) {
        model.addAttribute("organisationForm", form);
        model.addAttribute("legalForms", LegalForm.values());
        model.addAttribute("fieldsOfActivity", Field.values());
        return "civic/organisation-form";
    }

    @PostMapping("/{community}/organisations")
    String create(@PathVariable("community") String slug, @ModelAttribute("organisationForm") OrganisationForm form, BindingResult errors,
                  @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo, Model model, RedirectAttributes redirect)
            throws IOException {
        AccessControl.requireUser();
        try {
            Organisation o = register.register(form.details(), CivicForms.upload(logo));
            redirect.addFlashAttribute("message", "civic.registered");
            return "redirect:/" + slug + "/organisations/" + o.getId();
        } catch (Refusal r) {
            r.rejectInto(errors);
            return showForm(model, form);
        }
    }

    @GetMapping("/{community}/organisations/review")
    String review(@PathVariable("community") String slug, Model model) {
        model.addAttribute("pending", register.pending());
        return "civic/review";
    }

    @PostMapping("/{community}/organisations/{id:\\d+}/verify")
    @Refusal.Back("/{community}/organisations/review")
    String verify(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        register.verify(id);
        redirect.addFlashAttribute("message", "civic.verified");
        return "redirect:/" + slug + "/organisations/review";
    }

    @PostMapping("/{community}/organisations/{id:\\d+}/refuse")
    @Refusal.Back("/{community}/organisations/review")
    String refuse(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        register.refuse(id, reason);
        redirect.addFlashAttribute("message", "civic.refused");
        return "redirect:/" + slug + "/organisations/review";
    }

    @GetMapping("/{community}/organisations/export.csv")
    ResponseEntity<byte[]> csv(@PathVariable("community") String slug) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"organisations.csv\"")
                .body(register.csv().getBytes(StandardCharsets.UTF_8));
    }
}
