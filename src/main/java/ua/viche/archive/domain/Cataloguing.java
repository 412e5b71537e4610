package ua.viche.archive.domain;

import ua.viche.platform.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;

/**
 * The archivist's work on the holdings: every change checks the role, goes through {@link Holdings}
 * (which keeps the rules) and is written to the audit log in the same transaction.
 */
@Service
public class Cataloguing {

    public static final int MAX_TEXT = 100_000;

    private final Holdings holdings;
    private final PageRepository pages;
    private final AccessControl access;
    private final AuditLog audit;

    Cataloguing(Holdings holdings, PageRepository pages, AccessControl access, AuditLog audit) {
        this.holdings = holdings;
        this.pages = pages;
        this.access = access;
        this.audit = audit;
    }

    /** Whether the signed-in user is an archivist of the current community. */
    public boolean isArchivist() {
        return access.currentUserHas(Role.ARCHIVIST);
    }

    public void requireArchivist() {
        access.require(Role.ARCHIVIST);
    }

    /** A page of the current community by its id. */
    @Transactional(readOnly = true)
    public Page page(long id) {
        return pages.findById(id).orElseThrow(() -> new NotFoundException("archive.notFound"));
    }

    /** A page with its file, inventory and fond loaded (for pages shown outside a transaction). */
    @Transactional(readOnly = true)
    public Page pageWithFile(long id) {
        Page page = page(id);
        page.getFile().getInventory().getFond().getNumber();
        return page;
    }

    @Transactional
    public Fond createFond(Fond.Description d) {
        requireArchivist();
        Fond fond = holdings.createFond(d);
        audit.record("archive.fond.create", "archive.fond", fond.getId(), fond.cipher() + " " + fond.getTitle());
        return fond;
    }

    @Transactional
    public Fond changeFond(long id, Fond.Description d) {
        requireArchivist();
        Fond fond = holdings.changeFond(id, d);
        audit.record("archive.fond.change", "archive.fond", id, fond.cipher() + " " + fond.getTitle());
        return fond;
    }

    @Transactional
    public Inventory createInventory(long fondId, Inventory.Description d) {
        requireArchivist();
        Inventory inventory = holdings.createInventory(fondId, d);
        audit.record("archive.inventory.create", "archive.inventory", inventory.getId(), inventory.cipher() + " " + inventory.getTitle());
        return inventory;
    }

    @Transactional
    public Inventory changeInventory(long id, Inventory.Description d) {
        requireArchivist();
        Inventory inventory = holdings.changeInventory(id, d);
        audit.record("archive.inventory.change", "archive.inventory", id, inventory.cipher() + " " + inventory.getTitle());
        return inventory;
    }

    @Transactional
    public ArchiveFile createFile(long inventoryId, ArchiveFile.Description d) {
        requireArchivist();
        ArchiveFile file = holdings.createFile(inventoryId, d);
        audit.record("archive.file.create", "archive.file", file.getId(), file.cipher() + " " + file.getTitle());
        return file;
    }

    @Transactional
    public ArchiveFile changeFile(long id, ArchiveFile.Description d) {
        requireArchivist();
        ArchiveFile file = holdings.changeFile(id, d);
        audit.record("archive.file.change", "archive.file", id, file.cipher() + " " + file.getTitle());
        return file;
    }

    @Transactional
    public ArchiveFile overrideAccess(long fileId, ArchiveFile.@Nullable Override decision, @Nullable String reason) {
        requireArchivist();
        ArchiveFile file = holdings.overrideAccess(fileId, decision, reason);
        audit.record("archive.file.access", "archive.file", fileId,
                file.cipher() + ": " + (decision == null ? "RULE" : decision.name()) + (reason == null || decision == null ? "" : " — " + reason.strip()));
        return file;
    }

    @Transactional
    public Term addTerm(long fileId, Term.Kind kind, String name) {
        requireArchivist();
        Term term = holdings.addTerm(fileId, kind, name);
        audit.record("archive.file.term.add", "archive.file", fileId, kind + ": " + term.getName());
        return term;
    }

    @Transactional
    public void removeTerm(long fileId, long termId) {
        requireArchivist();
        ArchiveFile file = holdings.file(fileId);
        String name = file.getTerms().stream().filter(t -> t.getId() == termId).map(t -> t.getKind() + ": " + t.getName())
                .findFirst().orElseThrow(() -> new NotFoundException("archive.notFound"));
        holdings.removeTerm(fileId, termId);
        audit.record("archive.file.term.remove", "archive.file", fileId, name);
    }

    /** The archivist types or corrects a page's text. */
    @Transactional
    public Page typeText(long pageId, String text) {
        requireArchivist();
        if (text.length() > MAX_TEXT) {
            throw Refusal.of("archivists.error.textTooLong");
        }
        Page page = holdings.recordText(pageId, text, Page.Source.MANUAL);
        audit.record("archive.page.text", "archive.page", pageId, page.cipher());
        return page;
    }

    /** Sends a page back to the OCR queue (after a failure, or once an engine is installed). */
    @Transactional
    public Page retryText(long pageId) {
        requireArchivist();
        Page page = holdings.recordNoText(pageId, Page.TextStatus.PENDING);
        audit.record("archive.page.ocrRetry", "archive.page", pageId, page.cipher());
        return page;
    }
}
