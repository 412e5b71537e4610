package ua.viche.archive.manage;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Cataloguing;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Scans;
import ua.viche.archive.domain.Term;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;

/**
 * The archivists' pages: fonds, their inventories, an inventory's files, and a file with its
 * access, index terms, pages and scans. A refused change comes back to its form with the reason in
 * the error summary, linked to the field; nothing is saved.
 */
@Controller
@RequestMapping("/{community}/archive/manage")
class ArchiveManageController {

    /** Which field a rule of the holdings speaks about. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("archive.error.number", "number"), Map.entry("archive.error.fondExists", "number"),
            Map.entry("archive.error.inventoryExists", "number"), Map.entry("archive.error.fileExists", "number"),
            Map.entry("archive.error.title", "title"), Map.entry("archive.error.years", "yearTo"),
            Map.entry("archive.error.dates", "dateTo"), Map.entry("archive.error.extent", "extent"),
            Map.entry("archive.error.language", "language"), Map.entry("archive.error.reasonRequired", "reason"),
            Map.entry("archive.error.termName", "termName"), Map.entry("archivists.error.textTooLong", "text"));

    private final Holdings holdings;
    private final Cataloguing cataloguing;
    private final Scans scans;
    private final TransactionTemplate read;

    ArchiveManageController(Holdings holdings, Cataloguing cataloguing, Scans scans, PlatformTransactionManager transactions) {
        this.holdings = holdings;
        this.cataloguing = cataloguing;
        this.scans = scans;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    private <T> T read(Supplier<T> work) {
        return read.execute(s -> work.get());
    }

    private static String base(String slug) {
        return "redirect:/" + slug + "/archive/manage";
    }

    /**
     * Saves a description unless the form has errors: then a message and the redirect the change
     * returns; a rule the holdings refuse is shown on its field, with the form again.
     */
    private static String save(BindingResult errors, RedirectAttributes redirect, String message, Supplier<String> change,
                               Supplier<String> again) {
        if (!errors.hasErrors()) {
            try {
                String target = change.get();
                redirect.addFlashAttribute("message", message);
                return target;
            } catch (Refusal e) {
                reject(errors, e, "number");
            }
        }
        return again.get();
    }

    /** An inventory with its fond loaded, for the pages that show both. */
    private Inventory inventoryWithFond(long id) {
        return read(() -> {
            Inventory i = holdings.inventory(id);
            i.getFond().getNumber();
            return i;
        });
    }

    private static void reject(BindingResult errors, Refusal e, String fallbackField) {
        String field = FIELDS.getOrDefault(e.messageKey(), fallbackField);
        errors.rejectValue(field, e.messageKey(), e.messageKey());
    }

    // ---- fonds

    @GetMapping
    String fonds(@PathVariable("community") String slug, Model model) {
        cataloguing.requireArchivist();
        model.addAttribute("fonds", holdings.fonds());
        return "archivists/fonds";
    }

    @GetMapping("/fonds/new")
    String newFond(@PathVariable("community") String slug, Model model) {
        cataloguing.requireArchivist();
        model.addAttribute("form", new FondForm());
        return "archivists/fond";
    }

    @PostMapping("/fonds")
    String createFond(@PathVariable("community") String slug, @Valid @ModelAttribute("form") FondForm form, BindingResult errors,
                      Model model, RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.fond.created",
                () -> base(slug) + "/fonds/" + cataloguing.createFond(form.description()).getId(),
                () -> "archivists/fond");
    }

    @GetMapping("/fonds/{id:\\d+}")
    String fond(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        cataloguing.requireArchivist();
        Fond fond = holdings.fond(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FondForm.of(fond));
        }
        model.addAttribute("fond", fond);
        model.addAttribute("inventories", holdings.inventories(id));
        return "archivists/fond";
    }

    @PostMapping("/fonds/{id:\\d+}")
    String changeFond(@PathVariable("community") String slug, @PathVariable("id") long id,
                      @Valid @ModelAttribute("form") FondForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.saved", () -> {
            cataloguing.changeFond(id, form.description());
            return base(slug) + "/fonds/" + id;
        }, () -> fond(slug, id, model));
    }

    // ---- inventories

    @GetMapping("/fonds/{id:\\d+}/inventories/new")
    String newInventory(@PathVariable("community") String slug, @PathVariable("id") long fondId, Model model) {
        cataloguing.requireArchivist();
        model.addAttribute("fond", holdings.fond(fondId));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InventoryForm());
        }
        return "archivists/inventory";
    }

    @PostMapping("/fonds/{id:\\d+}/inventories")
    String createInventory(@PathVariable("community") String slug, @PathVariable("id") long fondId,
                           @Valid @ModelAttribute("form") InventoryForm form, BindingResult errors, Model model,
                           RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.inventory.created",
                () -> base(slug) + "/inventories/" + cataloguing.createInventory(fondId, form.description()).getId(),
                () -> newInventory(slug, fondId, model));
    }

    @GetMapping("/inventories/{id:\\d+}")
    String inventory(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        cataloguing.requireArchivist();
        Inventory inventory = inventoryWithFond(id);
        model.addAttribute("inventory", inventory);
        model.addAttribute("fond", inventory.getFond());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", InventoryForm.of(inventory));
        }
        model.addAttribute("files", holdings.files(id));
        model.addAttribute("today", holdings.today());
        return "archivists/inventory";
    }

    @PostMapping("/inventories/{id:\\d+}")
    String changeInventory(@PathVariable("community") String slug, @PathVariable("id") long id,
                           @Valid @ModelAttribute("form") InventoryForm form, BindingResult errors, Model model,
                           RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.saved", () -> {
            cataloguing.changeInventory(id, form.description());
            return base(slug) + "/inventories/" + id;
        }, () -> inventory(slug, id, model));
    }

    // ---- files

    @GetMapping("/inventories/{id:\\d+}/files/new")
    String newFile(@PathVariable("community") String slug, @PathVariable("id") long inventoryId, Model model) {
        cataloguing.requireArchivist();
        Inventory inventory = inventoryWithFond(inventoryId);
        model.addAttribute("inventory", inventory);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FileForm());
        }
        model.addAttribute("languages", Holdings.LANGUAGES);
        return "archivists/file-new";
    }

    @PostMapping("/inventories/{id:\\d+}/files")
    String createFile(@PathVariable("community") String slug, @PathVariable("id") long inventoryId,
                      @Valid @ModelAttribute("form") FileForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.file.created",
                () -> base(slug) + "/files/" + cataloguing.createFile(inventoryId, form.description()).getId(),
                () -> newFile(slug, inventoryId, model));
    }

    @GetMapping("/files/{id:\\d+}")
    String file(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        cataloguing.requireArchivist();
        ArchiveFile file = read(() -> {
            ArchiveFile f = holdings.file(id);
            f.getInventory().getFond().getNumber();
            f.getTerms().size();
            return f;
        });
        model.addAttribute("file", file);
        model.addAttribute("inventory", file.getInventory());
        model.addAttribute("today", holdings.today());
        model.addAttribute("closed", file.isClosed(holdings.today()));
        model.addAttribute("closedUntil", file.closedUntil());
        model.addAttribute("pages", holdings.pages(id));
        model.addAttribute("languages", Holdings.LANGUAGES);
        model.addAttribute("kinds", Term.Kind.values());
        model.addAttribute("maxMb", scans.maxBytes() / (1024 * 1024));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FileForm.of(file));
        }
        if (!model.containsAttribute("accessForm")) {
            SmallForms.AccessForm access = new SmallForms.AccessForm();
            access.setDecision(file.getAccessOverride() == null ? "RULE" : file.getAccessOverride().name());
            access.setReason(file.getOverrideReason() == null ? "" : file.getOverrideReason());
            model.addAttribute("accessForm", access);
        }
        if (!model.containsAttribute("termForm")) {
            model.addAttribute("termForm", new SmallForms.TermForm());
        }
        if (!model.containsAttribute("scanForm")) {
            model.addAttribute("scanForm", new SmallForms.ScanForm());
        }
        return "archivists/file";
    }

    @PostMapping("/files/{id:\\d+}")
    String changeFile(@PathVariable("community") String slug, @PathVariable("id") long id,
                      @Valid @ModelAttribute("form") FileForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        return save(errors, redirect, "archivists.saved", () -> {
            cataloguing.changeFile(id, form.description());
            return base(slug) + "/files/" + id;
        }, () -> file(slug, id, model));
    }

    @PostMapping("/files/{id:\\d+}/access")
    String access(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @ModelAttribute("accessForm") SmallForms.AccessForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        ArchiveFile.Override decision = switch (form.getDecision()) {
            case "OPEN" -> ArchiveFile.Override.OPEN;
            case "CLOSED" -> ArchiveFile.Override.CLOSED;
            default -> null;
        };
        try {
            cataloguing.overrideAccess(id, decision, form.getReason());
            redirect.addFlashAttribute("message", "archivists.access.saved");
            return base(slug) + "/files/" + id;
        } catch (Refusal e) {
            reject(errors, e, "reason");
            return file(slug, id, model);
        }
    }

    @PostMapping("/files/{id:\\d+}/terms")
    String addTerm(@PathVariable("community") String slug, @PathVariable("id") long id,
                   @ModelAttribute("termForm") SmallForms.TermForm form, BindingResult errors, Model model,
                   RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        Term.Kind kind;
        try {
            kind = Term.Kind.valueOf(form.getTermKind());
        } catch (IllegalArgumentException e) {
            kind = Term.Kind.SUBJECT;
        }
        try {
            cataloguing.addTerm(id, kind, form.getTermName());
            redirect.addFlashAttribute("message", "archivists.term.added");
            return base(slug) + "/files/" + id + "#terms";
        } catch (Refusal e) {
            reject(errors, e, "termName");
            return file(slug, id, model);
        }
    }

    @PostMapping("/files/{id:\\d+}/terms/{term:\\d+}/remove")
    String removeTerm(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("term") long termId,
                      RedirectAttributes redirect) {
        cataloguing.removeTerm(id, termId);
        redirect.addFlashAttribute("message", "archivists.term.removed");
        return base(slug) + "/files/" + id + "#terms";
    }

    @PostMapping("/files/{id:\\d+}/scans")
    String upload(@PathVariable("community") String slug, @PathVariable("id") long id,
                  @ModelAttribute("scanForm") SmallForms.ScanForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) throws IOException {
        cataloguing.requireArchivist();
        List<FileStore.Upload> uploads = FileStore.uploads(form.getScans());
        try {
            List<Page> added = scans.upload(id, uploads);
            redirect.addFlashAttribute("message", "archivists.scans.added");
            redirect.addFlashAttribute("added", added.size());
            return base(slug) + "/files/" + id + "#pages";
        } catch (Refusal e) {
            errors.rejectValue("scans", e.messageKey(), e.messageKey());
            form.setScans(new ArrayList<>());
            return file(slug, id, model);
        }
    }

    // ---- pages

    @GetMapping("/pages/{id:\\d+}")
    String page(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        cataloguing.requireArchivist();
        Page page = cataloguing.pageWithFile(id);
        model.addAttribute("page", page);
        model.addAttribute("file", page.getFile());
        if (!model.containsAttribute("textForm")) {
            SmallForms.TextForm form = new SmallForms.TextForm();
            form.setText(page.getText());
            model.addAttribute("textForm", form);
        }
        return "archivists/page";
    }

    @PostMapping("/pages/{id:\\d+}/text")
    String text(@PathVariable("community") String slug, @PathVariable("id") long id,
                @ModelAttribute("textForm") SmallForms.TextForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        cataloguing.requireArchivist();
        try {
            cataloguing.typeText(id, form.getText());
            redirect.addFlashAttribute("message", "archivists.text.saved");
            return base(slug) + "/pages/" + id;
        } catch (Refusal e) {
            reject(errors, e, "text");
            return page(slug, id, model);
        }
    }

    @PostMapping("/pages/{id:\\d+}/retry")
    String retry(@PathVariable("community") String slug, @PathVariable("id") long id, RedirectAttributes redirect) {
        cataloguing.retryText(id);
        redirect.addFlashAttribute("message", "archivists.text.queued");
        return base(slug) + "/pages/" + id;
    }
}
