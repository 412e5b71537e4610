package ua.viche.archive.domain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ua.viche.platform.FileStore;

/**
 * A page's scan as a browser shows it: JPEG and PNG as stored, TIFF converted to PNG, a PDF page
 * rendered at 150 dpi. Converted images are kept in a small memory cache (bounded in bytes), since
 * rendering a PDF page takes far longer than sending it.
 */
@Component
public class ScanImages {

    public static final int DPI = 150;
    private static final long CACHE_BYTES = 48L * 1024 * 1024;

    /** An image ready to send: its bytes and content type. */
    public record Image(byte[] bytes, String contentType) {}

    /**
     * Scans that are not kept as files but drawn when asked for (the demo's typed pages, whose keys
     * contain {@link #DRAWN}): a start with hundreds of demo pages then writes no images at all.
     */
    public interface Drawn {
        byte[] draw(String key);
    }

    /** What the key of a drawn scan contains. */
    public static final String DRAWN = "/drawn/";

    private final FileStore store;
    private final ObjectProvider<Drawn> drawn;
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cached;

    ScanImages(FileStore store, ObjectProvider<Drawn> drawn) {
        this.store = store;
        this.drawn = drawn;
    }

    /** The browser-displayable image of a page. */
    public Image image(Page page) {
        return image(page.getScanKey(), page.getScanType(), page.getScanPage());
    }

    /** The image of a stored scan (for a PDF, of its page {@code pdfPage}, 0-based). */
    public Image image(String key, String type, @Nullable Integer pdfPage) {
        if (type.equals("image/jpeg") || type.equals("image/png")) {
            return new Image(read(key), type);
        }
        String cacheKey = key + "#" + pdfPage;
        synchronized (cache) {
            Image hit = cache.get(cacheKey);
            if (hit != null) {
                return hit;
            }
        }
        Image image = new Image(png(render(key, type, pdfPage)), "image/png");
        synchronized (cache) {
            if (cache.put(cacheKey, image) == null) {
                cached += image.bytes().length;
            }
            var it = cache.entrySet().iterator();
            while (cached > CACHE_BYTES && it.hasNext()) {
                cached -= it.next().getValue().bytes().length;
                it.remove();
            }
        }
        return image;
    }

    /** The scan as a picture (for OCR). */
    public BufferedImage render(String key, String type, @Nullable Integer pdfPage) {
        byte[] bytes = read(key);
        try {
            if (type.equals("application/pdf")) {
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    return new PDFRenderer(pdf).renderImageWithDPI(pdfPage == null ? 0 : pdfPage, DPI, ImageType.RGB);
                }
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IOException("unreadable image " + key);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] read(String key) {
        Drawn painter = key.contains(DRAWN) ? drawn.getIfAvailable() : null;
        if (painter != null) {
            return painter.draw(key);
        }
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
