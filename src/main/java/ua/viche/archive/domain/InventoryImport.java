package ua.viche.archive.domain;

import ua.viche.platform.Refusal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Csv;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.search.SearchIndexing;
import java.time.DateTimeException;

/**
 * Bulk import of an inventory: a CSV of file descriptions (see docs/archive-import.md) and,
 * optionally, a ZIP of scans named by cipher ({@code Р-123_1_45_0001.jpg}). The fonds and
 * inventories must exist; each row and each scan is imported in a transaction of its own, so a bad
 * one is reported and never stops the good ones. Importing a file number again updates its
 * description and adds its new terms; a scan for a page number the file already has is refused.
 */
@Service
public class InventoryImport {

    public static final int MAX_ROWS = 5000;
    public static final int MAX_ZIP_ENTRIES = 2000;
    public static final long MAX_ZIP_TOTAL = 300L * 1024 * 1024;
    public static final List<String> COLUMNS = List.of("fond", "inventory", "file", "title", "date_from", "date_to", "extent",
            "language", "personal_data", "terms");
    private static final Pattern SCAN_NAME = Pattern.compile("(.+)_(.+)_(.+)_(\\d{1,5})\\.(jpe?g|png|tiff?|pdf)", Pattern.CASE_INSENSITIVE);

    /** One line of the report: where (a row number or a scan's name), the cipher if known, the message and its arguments. */
    public record Line(String where, String cipher, String messageKey, List<Object> args) {}

    /** What was imported and what was refused, with the reasons. */
    public record Report(List<Line> imported, List<Line> refused) {
    }

    private final Holdings holdings;
    private final Cataloguing cataloguing;
    private final Scans scans;
    private final AuditLog audit;
    private final SearchIndexing searchIndexing;
    private final TransactionTemplate own;

    InventoryImport(Holdings holdings, Cataloguing cataloguing, Scans scans, AuditLog audit, SearchIndexing searchIndexing,
                    PlatformTransactionManager transactions) {
        this.holdings = holdings;
        this.searchIndexing = searchIndexing;
        this.cataloguing = cataloguing;
        this.scans = scans;
        this.audit = audit;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Report run(byte[] csv, byte @Nullable [] zip) {
        cataloguing.requireArchivist();
        List<Line> imported = new ArrayList<>();
        List<Line> refused = new ArrayList<>();
        if (csv.length > 0) {
            rows(csv, imported, refused);
        }
        if (zip != null && zip.length > 0) {
            scans(zip, imported, refused);
        }
        own.executeWithoutResult(s -> audit.record("archive.import", "archive.import", null,
                "imported " + imported.size() + ", refused " + refused.size()));
        return new Report(imported, refused);
    }

    // ---- rows

    private void rows(byte[] csv, List<Line> imported, List<Line> refused) {
        List<List<String>> rows;
        try {
            rows = parse(new String(csv, StandardCharsets.UTF_8));
        } catch (Csv.Malformed e) {
            refused.add(new Line("CSV", "", "archivists.import.malformed", List.of(e.row())));
            return;
        }
        if (rows.isEmpty()) {
            refused.add(new Line("CSV", "", "archivists.import.empty", List.of()));
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("fond", "inventory", "file", "title")) {
            if (!columns.containsKey(required)) {
                refused.add(new Line("CSV", "", "archivists.import.noColumn", List.of(required)));
                return;
            }
        }
        if (rows.size() - 1 > MAX_ROWS) {
            refused.add(new Line("CSV", "", "archivists.import.tooManyRows", List.of(MAX_ROWS)));
            return;
        }
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = String.valueOf(r + 1);
            Map<String, String> v = new HashMap<>();
            columns.forEach((name, i) -> v.put(name, i < row.size() ? row.get(i).strip() : ""));
            String cipher = Cipher.of(v.get("fond"), v.get("inventory"), v.get("file"), null);
            try {
                boolean created = own.execute(s -> row(v));
                imported.add(new Line(where, cipher, created ? "archivists.import.created" : "archivists.import.updated", List.of()));
            } catch (Refusal e) {
                refused.add(new Line(where, cipher, e.messageKey(), List.of()));
            } catch (Refused e) {
                refused.add(new Line(where, cipher, e.key, e.args));
            }
        }
    }

    /** A row refused for a reason with arguments. */
    private static final class Refused extends RuntimeException {
        final String key;
        final List<Object> args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = List.of(args);
        }
    }

    /** Imports one row; true when the file was created, false when its description was updated. */
    private boolean row(Map<String, String> v) {
        Inventory inventory = inventory(v.get("fond"), v.get("inventory"));
        LocalDate from = date(v.getOrDefault("date_from", ""), false, "date_from");
        LocalDate to = date(v.getOrDefault("date_to", ""), true, "date_to");
        int extent = 0;
        String e = v.getOrDefault("extent", "");
        if (!e.isEmpty()) {
            try {
                extent = Integer.parseInt(e);
            } catch (NumberFormatException x) {
                throw Refusal.of("archive.error.extent");
            }
        }
        String language = v.getOrDefault("language", "").isEmpty() ? "uk" : v.get("language").toLowerCase(Locale.ROOT);
        ArchiveFile.Description d = new ArchiveFile.Description(v.get("file"), v.get("title"), from, to, extent, language,
                bool(v.getOrDefault("personal_data", "")));
        Optional<ArchiveFile> existing = holdings.files(inventory.getId()).stream()
                .filter(f -> f.getNumber().equals(v.get("file").strip())).findFirst();
        ArchiveFile file = existing.isPresent() ? cataloguing.changeFile(existing.get().getId(), d)
                : cataloguing.createFile(inventory.getId(), d);
        for (Map.Entry<Term.Kind, String> term : terms(v.getOrDefault("terms", ""))) {
            if (file.getTerms().stream().noneMatch(t -> t.getKind() == term.getKey() && t.getName().equals(term.getValue()))) {
                cataloguing.addTerm(file.getId(), term.getKey(), term.getValue());
            }
        }
        return existing.isEmpty();
    }

    private Inventory inventory(String fondNumber, String inventoryNumber) {
        Fond fond = holdings.fondByNumber(fondNumber)
                .orElseThrow(() -> new Refused("archivists.import.noFond", fondNumber));
        return holdings.inventories(fond.getId()).stream().filter(i -> i.getNumber().equals(inventoryNumber.strip())).findFirst()
                .orElseThrow(() -> new Refused("archivists.import.noInventory", inventoryNumber, fond.cipher()));
    }


    /** An ISO date, a dotted Ukrainian date (31.12.1975) or a year alone (its first or last day). */
    static @Nullable LocalDate date(String s, boolean end, String column) {
        if (s.isBlank()) {
            return null;
        }
        try {
            if (s.matches("\\d{4}")) {
                int year = Integer.parseInt(s);
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (s.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
                String[] p = s.split("\\.");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw new Refused("archivists.import.badDate", column, s);
        }
    }

    static boolean bool(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "ні", "no", "false", "0", "n" -> false;
            case "так", "yes", "true", "1", "y", "т" -> true;
            default -> throw new Refused("archivists.import.badFlag", s);
        };
    }

    /** «Особа: Іваненко Іван Іванович; Місце: Кропивницький; Предмет: земельні питання». */
    static List<Map.Entry<Term.Kind, String>> terms(String s) {
        List<Map.Entry<Term.Kind, String>> terms = new ArrayList<>();
        for (String part : s.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Term.Kind kind = Term.Kind.SUBJECT;
            String name = p;
            int colon = p.indexOf(':');
            if (colon > 0) {
                String k = p.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                Term.Kind found = switch (k) {
                    case "особа", "person" -> Term.Kind.PERSON;
                    case "місце", "place" -> Term.Kind.PLACE;
                    case "предмет", "subject" -> Term.Kind.SUBJECT;
                    default -> null;
                };
                if (found == null) {
                    throw new Refused("archivists.import.badTermKind", p.substring(0, colon).strip());
                }
                kind = found;
                name = p.substring(colon + 1).strip();
            }
            if (name.isEmpty() || name.length() > Term.MAX_NAME) {
                throw Refusal.of("archive.error.termName");
            }
            terms.add(Map.entry(kind, name));
        }
        return terms;
    }

    /** The CSV's rows without the blank ones. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = Csv.read(text);
        rows.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
        return rows;
    }

    // ---- scans

    private record Entry(String name, String fond, String inventory, String file, int page, byte[] content) {}

    private void scans(byte[] zip, List<Line> imported, List<Line> refused) {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            long total = 0;
            int count = 0;
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (++count > MAX_ZIP_ENTRIES) {
                    refused.add(new Line("ZIP", "", "archivists.import.zipTooMany", List.of(MAX_ZIP_ENTRIES)));
                    break;
                }
                String shown = new FileStore.Upload(name, new byte[0]).safeName();
                if (unsafe(name)) {
                    refused.add(new Line(shown, "", "archivists.import.unsafeName", List.of()));
                    continue;
                }
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (base.startsWith(".") || name.startsWith("__MACOSX/")) {
                    continue;
                }
                Matcher m = SCAN_NAME.matcher(base);
                if (!m.matches()) {
                    refused.add(new Line(shown, "", "archivists.import.badScanName", List.of()));
                    continue;
                }
                byte[] content = read(in, scans.maxBytes());
                if (content == null) {
                    refused.add(new Line(shown, "", "archivists.error.fileTooLarge", List.of()));
                    total += scans.maxBytes();
                } else {
                    total += content.length;
                    entries.add(new Entry(base, m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)), content));
                }
                if (total > MAX_ZIP_TOTAL) {
                    refused.add(new Line("ZIP", "", "archivists.import.zipTooLarge", List.of(MAX_ZIP_TOTAL / (1024 * 1024))));
                    if (content != null) {
                        entries.remove(entries.size() - 1);
                    }
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            refused.add(new Line("ZIP", "", "archivists.import.zipUnreadable", List.of()));
            return;
        }
        entries.sort(Comparator.comparing(Entry::fond).thenComparing(Entry::inventory).thenComparing(Entry::file)
                .thenComparingInt(Entry::page));
        for (Entry entry : entries) {
            String cipher = Cipher.of(entry.fond(), entry.inventory(), entry.file(), entry.page());
            try {
                int pages = own.execute(s -> {
                    searchIndexing.bulk();
                    return scan(entry);
                });
                imported.add(new Line(entry.name(), cipher, "archivists.import.scanAdded", List.of(pages)));
            } catch (Refusal e) {
                refused.add(new Line(entry.name(), cipher, e.messageKey(), List.of()));
            } catch (Refused e) {
                refused.add(new Line(entry.name(), cipher, e.key, e.args));
            } catch (NotFoundException e) {
                refused.add(new Line(entry.name(), cipher, "archivists.import.noFile", List.of()));
            }
        }
        if (!entries.isEmpty()) {
            // the scans' pages were indexed without waiting (SearchIndexing.bulk): wait, and merge the index
            searchIndexing.compact();
        }
    }

    private int scan(Entry entry) {
        Inventory inventory = inventory(entry.fond(), entry.inventory());
        ArchiveFile file = holdings.files(inventory.getId()).stream().filter(f -> f.getNumber().equals(entry.file())).findFirst()
                .orElseThrow(() -> new Refused("archivists.import.noFile"));
        if (holdings.pages(file.getId()).stream().anyMatch(p -> p.getNumber() == entry.page())) {
            throw new Refused("archivists.import.pageExists", entry.page());
        }
        return scans.add(file.getId(), new FileStore.Upload(entry.name(), entry.content())).size();
    }

    /** A name that climbs out of its folder or is absolute: refused, whatever it is called. */
    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || List.of(n.split("/")).contains("..") || n.indexOf('\0') >= 0;
    }

    /** The entry's bytes, or null when it is larger than the limit. */
    private static byte @Nullable [] read(InputStream in, long max) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        return content.length > max ? null : content;
    }
}
