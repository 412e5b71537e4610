package ua.viche.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;

/** Holdings for a test, made through the archive's own service, each under fresh numbers. */
final class ArchiveFixtures {

    /** A tiny PNG: the scan a test page stands on. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private final Holdings holdings;
    private final FileStore store;
    final Community community;

    ArchiveFixtures(Holdings holdings, FileStore store, Communities communities, String slug) {
        this.holdings = holdings;
        this.store = store;
        this.community = communities.bySlug(slug).orElseThrow();
    }

    /** A short unique word of Cyrillic letters the analyzer keeps as it is. */
    static String marker() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        StringBuilder s = new StringBuilder("ь");
        String letters = "бвгджзклмнпрстфхцчшщ";
        for (int i = 0; i < 7; i++) {
            s.append(letters.charAt(Character.digit(hex.charAt(i), 16) % letters.length()));
        }
        return "х" + s;
    }

    Fond fond(String title) {
        return CurrentCommunity.callAs(community, () -> holdings.createFond(new Fond.Description(
                "Р-" + (100000 + (int) (Math.random() * 800000)), title, 1950, 2000, "Міська рада", "")));
    }

    Inventory inventory(Fond fond) {
        return CurrentCommunity.callAs(community, () -> holdings.createInventory(fond.getId(),
                new Inventory.Description("1", "Опис справ постійного зберігання", 1950, 2000)));
    }

    ArchiveFile file(Inventory inventory, String number, String title, @Nullable LocalDate from, @Nullable LocalDate to,
                     String language, boolean personalData) {
        return CurrentCommunity.callAs(community, () -> holdings.createFile(inventory.getId(),
                new ArchiveFile.Description(number, title, from, to, 10, language, personalData)));
    }

    Page page(ArchiveFile file, String text) {
        return CurrentCommunity.callAs(community, () -> {
            String key;
            try {
                key = store.put(PNG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Page p = holdings.addPage(file.getId(), new Page.Scan(key, "scan.png", "image/png", PNG.length, null));
            return text == null ? p : holdings.recordText(p.getId(), text, Page.Source.MANUAL);
        });
    }

    Page blankPage(ArchiveFile file) {
        return CurrentCommunity.callAs(community, () -> {
            try {
                String key = store.put(PNG);
                return holdings.addPage(file.getId(), new Page.Scan(key, "scan.png", "image/png", PNG.length, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
