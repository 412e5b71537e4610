package ua.viche.archive.manage;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import ua.viche.archive.domain.Cataloguing;
import ua.viche.archive.domain.InventoryImport;

/** Bulk import of an inventory (CSV) with its scans (ZIP), answered by a report of every row and scan. */
@Controller
class InventoryImportController {

    private final Cataloguing cataloguing;
    private final InventoryImport imports;

    InventoryImportController(Cataloguing cataloguing, InventoryImport imports) {
        this.cataloguing = cataloguing;
        this.imports = imports;
    }

    @GetMapping("/{community}/archive/manage/import")
    String form(@PathVariable("community") String slug, Model model) {
        cataloguing.requireArchivist();
        if (!model.containsAttribute("importForm")) {
            model.addAttribute("importForm", new SmallForms.ImportForm());
        }
        model.addAttribute("columns", InventoryImport.COLUMNS);
        return "archivists/import";
    }

    @PostMapping("/{community}/archive/manage/import")
    String run(@PathVariable("community") String slug, @ModelAttribute("importForm") SmallForms.ImportForm form,
               BindingResult errors, Model model) throws IOException {
        cataloguing.requireArchivist();
        boolean csv = form.getCsv() != null && !form.getCsv().isEmpty();
        boolean zip = form.getZip() != null && !form.getZip().isEmpty();
        if (!csv && !zip) {
            errors.rejectValue("csv", "archivists.import.nothing", "archivists.import.nothing");
            form.setCsv(null);
            form.setZip(null);
            return form(slug, model);
        }
        InventoryImport.Report report = imports.run(csv ? form.getCsv().getBytes() : new byte[0], zip ? form.getZip().getBytes() : null);
        model.addAttribute("report", report);
        return "archivists/import-report";
    }
}
