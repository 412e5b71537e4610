package ua.viche.archive.domain;

import ua.viche.platform.Refusal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AuditLog;
import ua.viche.platform.FileStore;
import java.io.ByteArrayInputStream;

/**
 * Scans uploaded to a file: JPEG, PNG and TIFF images (one page each) and PDF documents (one page
 * per PDF page), their type decided by content. A PDF page's text layer is taken at once; every
 * other page waits for OCR in the background ({@link PageReading}).
 */
@Service
public class Scans {

    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/tiff", "application/pdf");
    public static final int MAX_FILES = 50;
    public static final int MAX_PDF_PAGES = 2000;
    /** Fewer letters than this in a PDF page's text layer means there is no real text layer. */
    private static final int MIN_LETTERS = 3;

    private final Holdings holdings;
    private final Cataloguing cataloguing;
    private final FileStore store;
    private final AuditLog audit;
    private final long maxBytes;

    Scans(Holdings holdings, Cataloguing cataloguing, FileStore store, AuditLog audit,
          @Value("${viche.archive.scan-max-bytes:52428800}") long maxBytes) {
        this.holdings = holdings;
        this.cataloguing = cataloguing;
        this.store = store;
        this.audit = audit;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Why a set of scans would be refused (the key of the message), or empty when they may be uploaded. */
    public Optional<String> refusal(List<FileStore.Upload> uploads) {
        if (uploads.isEmpty()) {
            return Optional.of("archivists.error.noScans");
        }
        return FileStore.refusal(uploads, 0, MAX_FILES, maxBytes, TYPES).map(r -> "archivists.error." + r.key());
    }

    /** Adds the scans as pages after the file's last page; all or nothing. */
    @Transactional
    public List<Page> upload(long fileId, List<FileStore.Upload> uploads) {
        cataloguing.requireArchivist();
        refusal(uploads).ifPresent(key -> {
            throw Refusal.of(key);
        });
        List<Page> added = new ArrayList<>();
        for (FileStore.Upload upload : uploads) {
            added.addAll(add(fileId, upload));
        }
        return added;
    }

    /** Adds one scan (already checked for size) as one or more pages; audited. */
    @Transactional
    public List<Page> add(long fileId, FileStore.Upload upload) {
        cataloguing.requireArchivist();
        String type = FileStore.detect(upload.content());
        if (!TYPES.contains(type)) {
            throw Refusal.of("archivists.error.fileType");
        }
        ArchiveFile file = holdings.file(fileId);
        List<Page> added = new ArrayList<>();
        if (type.equals("application/pdf")) {
            List<String> texts = pdfTexts(upload.content());
            FileStore.Stored stored = store.storeOriginal(upload);
            List<Page.Scan> pages = new ArrayList<>();
            List<@Nullable String> read = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                pages.add(new Page.Scan(stored.key(), stored.name(), type, stored.size(), i));
                read.add(letters(texts.get(i)) >= MIN_LETTERS ? texts.get(i) : null);
            }
            added.addAll(holdings.addPages(fileId, pages, read, Page.Source.PDF));
        } else {
            checkImage(upload.content());
            FileStore.Stored stored = store.storeOriginal(upload);
            added.add(holdings.addPage(fileId, new Page.Scan(stored.key(), stored.name(), type, stored.size(), null)));
        }
        audit.record("archive.scan.upload", "archive.file", fileId,
                file.cipher() + ": " + upload.safeName() + " → " + added.size() + " арк.");
        return added;
    }

    /** The text layer of each page of a PDF (empty strings for pages without one). */
    static List<String> pdfTexts(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            int n = pdf.getNumberOfPages();
            if (n == 0) {
                throw Refusal.of("archivists.error.pdf");
            }
            if (n > MAX_PDF_PAGES) {
                throw Refusal.of("archivists.error.pdfPages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> texts = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                texts.add(stripper.getText(pdf).strip());
            }
            return texts;
        } catch (IOException e) {
            throw Refusal.of("archivists.error.pdf");
        }
    }

    private static void checkImage(byte[] content) {
        try {
            if (ImageIO.read(new ByteArrayInputStream(content)) == null) {
                throw Refusal.of("archivists.error.image");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal a) {
                throw a;
            }
            throw Refusal.of("archivists.error.image");
        }
    }

    private static long letters(String text) {
        return text.codePoints().filter(Character::isLetter).count();
    }
}
