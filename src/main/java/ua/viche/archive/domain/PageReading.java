package ua.viche.archive.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.Communities;
import ua.viche.platform.Exclusive;

/**
 * Reads the text of pages waiting for it, in the background: a few pages at a time, community by
 * community, each page's scan rendered and passed to OCR outside any transaction, its result
 * recorded in a transaction of its own. Safe with several nodes (advisory lock).
 */
@Component
public class PageReading {

    private static final Logger log = LoggerFactory.getLogger(PageReading.class);
    private static final String LOCK = "archive.page-reading";

    private final Communities communities;
    private final Exclusive exclusive;
    private final PageRepository pages;
    private final ScanImages images;
    private final Clock clock;
    private final TransactionTemplate own;
    private final Ocr ocr;
    private final int batch;

    PageReading(Communities communities, Exclusive exclusive, PageRepository pages, ScanImages images, Clock clock,
                PlatformTransactionManager transactions,
                @Value("${viche.archive.ocr.command:tesseract}") String command,
                @Value("${viche.archive.ocr.languages:ukr+rus}") String languages,
                @Value("${viche.archive.ocr.timeout:120s}") Duration timeout,
                @Value("${viche.archive.ocr.batch:5}") int batch) {
        this.communities = communities;
        this.exclusive = exclusive;
        this.pages = pages;
        this.images = images;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ocr = new Ocr(command, languages, timeout);
        this.batch = batch;
    }

    /** The OCR engine as configured. */
    public Ocr ocr() {
        return ocr;
    }

    @Scheduled(fixedDelayString = "${viche.archive.ocr.interval:30000}", initialDelayString = "${viche.archive.ocr.interval:30000}")
    public void run() {
        exclusive.run(LOCK, () -> communities.forEach(c -> readPending(ocr)));
    }

    /** Reads a batch of the current community's pending pages with the engine; returns how many were read. */
    public int readPending(Ocr engine) {
        List<Long> ids = own.execute(s -> pages.findTop20ByTextStatusOrderById(Page.TextStatus.PENDING).stream()
                .limit(batch).map(Page::getId).toList());
        for (Long id : ids) {
            read(id, engine);
        }
        return ids.size();
    }

    private record Scan(String key, String type, @Nullable Integer pdfPage) {}

    private void read(long pageId, Ocr engine) {
        Scan scan = own.execute(s -> pages.findById(pageId).filter(p -> p.getTextStatus() == Page.TextStatus.PENDING)
                .map(p -> new Scan(p.getScanKey(), p.getScanType(), p.getScanPage())).orElse(null));
        if (scan == null) {
            return;
        }
        Ocr.Result result;
        try {
            result = engine.read(ScanImages.png(images.render(scan.key(), scan.type(), scan.pdfPage())));
        } catch (RuntimeException e) {
            log.warn("Cannot read the scan of archive page {}: {}", pageId, e.toString());
            result = new Ocr.Result(Page.TextStatus.FAILED, "");
        }
        Ocr.Result r = result;
        own.executeWithoutResult(s -> pages.findById(pageId).filter(p -> p.getTextStatus() == Page.TextStatus.PENDING).ifPresent(p -> {
            if (r.status() == Page.TextStatus.DONE) {
                p.text(r.text(), Page.Source.OCR, clock.instant());
            } else {
                p.noText(r.status(), clock.instant());
            }
        }));
    }
}
