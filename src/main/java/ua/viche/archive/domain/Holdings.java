package ua.viche.archive.domain;

import ua.viche.platform.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import ua.viche.platform.Dates;

/**
 * The archive's holdings: describing fonds, inventories and files, their access, index terms and
 * pages. Every method works within the current community; a number is unique where the archive's
 * practice makes it so (a fond's number in the community, an inventory's in its fond, a file's in
 * its inventory).
 */
@Service
public class Holdings {

    /** The languages a file may be described in, in the order forms offer them. */
    public static final List<String> LANGUAGES = List.of("uk", "ru", "pl", "de", "yi", "crh", "other");

    private final FondRepository fonds;
    private final InventoryRepository inventories;
    private final ArchiveFileRepository files;
    private final PageRepository pages;
    private final TermRepository terms;
    private final Clock clock;

    Holdings(FondRepository fonds, InventoryRepository inventories, ArchiveFileRepository files, PageRepository pages,
             TermRepository terms, Clock clock) {
        this.fonds = fonds;
        this.inventories = inventories;
        this.files = files;
        this.pages = pages;
        this.terms = terms;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.KYIV));
    }

    // ---- reading

    @Transactional(readOnly = true)
    public List<Fond> fonds() {
        return fonds.findAllByOrderByNumber();
    }

    @Transactional(readOnly = true)
    public Fond fond(long id) {
        return fonds.findById(id).orElseThrow(Holdings::notFound);
    }

    @Transactional(readOnly = true)
    public Optional<Fond> fondByNumber(String number) {
        return fonds.findByNumber(number.strip());
    }

    @Transactional(readOnly = true)
    public List<Inventory> inventories(long fondId) {
        return inventories.findByFondIdOrderByNumber(fondId);
    }

    @Transactional(readOnly = true)
    public Inventory inventory(long id) {
        return inventories.findById(id).orElseThrow(Holdings::notFound);
    }

    @Transactional(readOnly = true)
    public List<ArchiveFile> files(long inventoryId) {
        return files.findByInventoryIdOrderById(inventoryId);
    }

    @Transactional(readOnly = true)
    public ArchiveFile file(long id) {
        return files.findById(id).orElseThrow(Holdings::notFound);
    }

    @Transactional(readOnly = true)
    public List<Page> pages(long fileId) {
        return pages.findByFileIdOrderByNumber(fileId);
    }

    /** The numbers of a file's pages in order, without loading the pages. */
    @Transactional(readOnly = true)
    public List<Integer> pageNumbers(long fileId) {
        return pages.numbers(fileId);
    }

    @Transactional(readOnly = true)
    public Page page(long fileId, int number) {
        return pages.findByFileIdAndNumber(fileId, number).orElseThrow(Holdings::notFound);
    }

    @Transactional(readOnly = true)
    public List<Term> terms() {
        return terms.findAllByOrderByKindAscNameAsc();
    }

    // ---- describing

    @Transactional
    public Fond createFond(Fond.Description d) {
        check(d);
        if (fonds.findByNumber(d.number().strip()).isPresent()) {
            throw Refusal.of("archive.error.fondExists");
        }
        return fonds.save(new Fond(d, clock.instant()));
    }

    @Transactional
    public Fond changeFond(long id, Fond.Description d) {
        check(d);
        Fond fond = fond(id);
        fonds.findByNumber(d.number().strip()).filter(f -> !f.getId().equals(id)).ifPresent(f -> {
            throw Refusal.of("archive.error.fondExists");
        });
        fond.change(d, clock.instant());
        return fond;
    }

    @Transactional
    public Inventory createInventory(long fondId, Inventory.Description d) {
        check(d);
        Fond fond = fond(fondId);
        if (inventories.findByFondIdAndNumber(fondId, d.number().strip()).isPresent()) {
            throw Refusal.of("archive.error.inventoryExists");
        }
        return inventories.save(new Inventory(fond, d));
    }

    @Transactional
    public Inventory changeInventory(long id, Inventory.Description d) {
        check(d);
        Inventory inventory = inventory(id);
        inventories.findByFondIdAndNumber(inventory.getFond().getId(), d.number().strip())
                .filter(i -> !i.getId().equals(id)).ifPresent(i -> {
                    throw Refusal.of("archive.error.inventoryExists");
                });
        inventory.change(d);
        return inventory;
    }

    @Transactional
    public ArchiveFile createFile(long inventoryId, ArchiveFile.Description d) {
        check(d);
        Inventory inventory = inventory(inventoryId);
        if (files.findByInventoryIdAndNumber(inventoryId, d.number().strip()).isPresent()) {
            throw Refusal.of("archive.error.fileExists");
        }
        return files.save(new ArchiveFile(inventory, d, clock.instant()));
    }

    @Transactional
    public ArchiveFile changeFile(long id, ArchiveFile.Description d) {
        check(d);
        ArchiveFile file = file(id);
        files.findByInventoryIdAndNumber(file.getInventory().getId(), d.number().strip())
                .filter(f -> !f.getId().equals(id)).ifPresent(f -> {
                    throw Refusal.of("archive.error.fileExists");
                });
        file.change(d, clock.instant());
        return file;
    }

    @Transactional
    public ArchiveFile overrideAccess(long fileId, ArchiveFile.@Nullable Override decision, @Nullable String reason) {
        ArchiveFile file = file(fileId);
        file.overrideAccess(decision, reason, clock.instant());
        return file;
    }

    /** Links a term to a file, creating the term if the community has no such term yet. */
    @Transactional
    public Term addTerm(long fileId, Term.Kind kind, String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > Term.MAX_NAME) {
            throw Refusal.of("archive.error.termName");
        }
        ArchiveFile file = file(fileId);
        Term term = terms.findByKindAndName(kind, n).orElseGet(() -> terms.save(new Term(kind, n)));
        file.getTerms().add(term);
        return term;
    }

    @Transactional
    public void removeTerm(long fileId, long termId) {
        file(fileId).getTerms().removeIf(t -> t.getId() == termId);
    }

    /** Adds a page after the file's last one; two uploads to one file at once queue on the file's row. */
    @Transactional
    public Page addPage(long fileId, Page.Scan scan) {
        ArchiveFile file = files.findForUpdate(fileId).orElseThrow(Holdings::notFound);
        return pages.save(new Page(file, pages.lastNumber(fileId) + 1, scan, clock.instant()));
    }

    /**
     * Adds the pages of one scan (a PDF's) after the file's last one, in one go; a page with a text
     * (from the PDF's text layer) has it at once, one with null waits for OCR.
     */
    @Transactional
    public List<Page> addPages(long fileId, List<Page.Scan> scans, List<@Nullable String> texts, Page.Source source) {
        ArchiveFile file = files.findForUpdate(fileId).orElseThrow(Holdings::notFound);
        int last = pages.lastNumber(fileId);
        Instant now = clock.instant();
        List<Page> added = new ArrayList<>();
        for (int i = 0; i < scans.size(); i++) {
            Page page = new Page(file, ++last, scans.get(i), now);
            String text = texts.get(i);
            if (text != null) {
                page.text(text, source, now);
            }
            added.add(page);
        }
        return pages.saveAll(added);
    }

    /** A page whose text is already known (transcribed): its scan and the text. */
    public record Transcribed(Page.Scan scan, String text) {}

    /** Adds transcribed pages after the file's last one, in one go (demo holdings, imports). */
    @Transactional
    public List<Page> addTranscribed(long fileId, List<Transcribed> transcribed) {
        ArchiveFile file = files.findForUpdate(fileId).orElseThrow(Holdings::notFound);
        int last = pages.lastNumber(fileId);
        Instant now = clock.instant();
        List<Page> added = new ArrayList<>();
        for (Transcribed t : transcribed) {
            Page page = new Page(file, ++last, t.scan(), now);
            page.text(t.text(), Page.Source.MANUAL, now);
            added.add(page);
        }
        return pages.saveAll(added);
    }

    @Transactional
    public Page recordText(long pageId, String text, Page.Source source) {
        Page page = pages.findById(pageId).orElseThrow(Holdings::notFound);
        page.text(text, source, clock.instant());
        return page;
    }

    @Transactional
    public Page recordNoText(long pageId, Page.TextStatus status) {
        Page page = pages.findById(pageId).orElseThrow(Holdings::notFound);
        page.noText(status, clock.instant());
        return page;
    }

    // ---- rules of a description

    private static void check(Fond.Description d) {
        number(d.number());
        title(d.title(), Fond.MAX_TITLE);
        years(d.yearFrom(), d.yearTo());
    }

    private static void check(Inventory.Description d) {
        number(d.number());
        title(d.title(), Fond.MAX_TITLE);
        years(d.yearFrom(), d.yearTo());
    }

    private static void check(ArchiveFile.Description d) {
        number(d.number());
        title(d.title(), ArchiveFile.MAX_TITLE);
        if (d.dateFrom() != null && d.dateTo() != null && d.dateTo().isBefore(d.dateFrom())) {
            throw Refusal.of("archive.error.dates");
        }
        if (d.extent() < 0 || d.extent() > 10_000) {
            throw Refusal.of("archive.error.extent");
        }
        if (!LANGUAGES.contains(d.language())) {
            throw Refusal.of("archive.error.language");
        }
    }

    private static void number(String number) {
        String n = number.strip();
        if (n.isEmpty() || n.length() > Fond.MAX_NUMBER || !n.matches("[\\p{L}\\p{N}\\-/.]+")) {
            throw Refusal.of("archive.error.number");
        }
    }

    private static void title(String title, int max) {
        if (title.isBlank() || title.strip().length() > max) {
            throw Refusal.of("archive.error.title");
        }
    }

    private static void years(@Nullable Integer from, @Nullable Integer to) {
        if ((from != null && (from < 1000 || from > 2100)) || (to != null && (to < 1000 || to > 2100))
                || (from != null && to != null && to < from)) {
            throw Refusal.of("archive.error.years");
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("archive.notFound");
    }
}
