package ua.viche.archive.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.archive.domain.ScanImages;
import ua.viche.platform.NotFoundException;

/**
 * The images of the demo's typed pages, drawn from their transcription when first asked for (a few
 * tens of milliseconds each) and kept in a small cache, instead of hundreds of JPEG files written
 * at the first start. Present whether or not the demo is on, so that demo pages kept in a database
 * stay viewable.
 */
@Component
class DemoScans implements ScanImages.Drawn {

    private static final int CACHED = 24;

    private final JdbcTemplate jdbc;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    };

    DemoScans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key of the n-th typed page of a file in a community. */
    static String key(long communityId, long fileId, int n) {
        return communityId + ScanImages.DRAWN + fileId + "-" + n;
    }

    @Override
    public byte[] draw(String key) {
        synchronized (cache) {
            byte[] hit = cache.get(key);
            if (hit != null) {
                return hit;
            }
        }
        List<String> text = jdbc.queryForList("select text from archive_page where scan_key = ?", String.class, key);
        if (text.isEmpty()) {
            throw new NotFoundException("archive.notFound");
        }
        byte[] jpeg = PageImage.render(text.get(0), text.get(0).hashCode());
        synchronized (cache) {
            cache.put(key, jpeg);
        }
        return jpeg;
    }
}
