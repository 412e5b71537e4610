package ua.viche.archive.manage;

import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ua.viche.archive.domain.Cataloguing;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.ScanImages;
import ua.viche.platform.NotFoundException;

/**
 * A page's image as a browser shows it, for the public viewer and the archivists alike. A page of a
 * closed file is "not found" to everyone but archivists, so its existence is not revealed either.
 */
@Controller
class PageImageController {

    private final Cataloguing cataloguing;
    private final Holdings holdings;
    private final ScanImages images;

    PageImageController(Cataloguing cataloguing, Holdings holdings, ScanImages images) {
        this.cataloguing = cataloguing;
        this.holdings = holdings;
        this.images = images;
    }

    @GetMapping("/{community}/archive/pages/{id:\\d+}/image")
    ResponseEntity<byte[]> image(@PathVariable("community") String slug, @PathVariable("id") long id) {
        Page page = cataloguing.pageWithFile(id);
        boolean archivist = cataloguing.isArchivist();
        if (!archivist && page.getFile().isClosed(holdings.today())) {
            throw new NotFoundException("archive.notFound");
        }
        ScanImages.Image image = images.image(page);
        CacheControl cache = archivist ? CacheControl.noStore() : CacheControl.maxAge(10, TimeUnit.MINUTES).cachePrivate();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.contentType())).cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff").body(image.bytes());
    }
}
