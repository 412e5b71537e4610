package ua.viche.archive.reading;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Term;
import ua.viche.archive.search.ArchiveSearch;
import ua.viche.platform.AccessControl;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Role;

/**
 * The holdings as a reader sees them: the tree of fonds, inventories and files, a file's pages and
 * the search. A file closed today (see {@link ArchiveFile#isClosed}) exists only for archivists: for
 * anyone else it is left out of every list and search, and asking for it by its number is answered
 * as if there were no such file. Views are plain records made inside the transaction.
 */
@Service
public class PublicArchive {

    private final Holdings holdings;
    private final ArchiveSearch search;
    private final AccessControl access;

    PublicArchive(Holdings holdings, ArchiveSearch search, AccessControl access) {
        this.holdings = holdings;
        this.search = search;
        this.access = access;
    }

    /** Whether the current user sees closed files (an archivist of the community). */
    public boolean seesClosed() {
        return access.currentUserHas(Role.ARCHIVIST);
    }

    // ---- views

    public record FondRow(long id, String cipher, String number, String title, String years, String creator, String history) {
        static FondRow of(Fond f) {
            return new FondRow(f.getId(), f.cipher(), f.getNumber(), f.getTitle(), PublicArchive.yearSpan(f.getYearFrom(), f.getYearTo()),
                    f.getCreator(), f.getHistory());
        }
    }

    public record InventoryRow(long id, String cipher, String number, String title, String years, int openFiles,
                               int restrictedFiles) {}

    public record FileRow(long id, String cipher, String number, String title, @Nullable LocalDate dateFrom,
                          @Nullable LocalDate dateTo, int extent, String language, boolean restricted) {
        /** «01.03.1958–30.12.1963», one date, or empty. */
        public String dates() {
            return dateSpan(dateFrom, dateTo);
        }
    }

    public record TermRow(long id, String kind, String name) {}

    public record PageRow(long id, int number, String status) {}

    public record FondView(FondRow fond, List<InventoryRow> inventories) {}

    public record InventoryView(FondRow fond, InventoryRow inventory, List<FileRow> files) {}

    public record FileView(FondRow fond, InventoryRow inventory, FileRow file, List<TermRow> terms, List<PageRow> pages,
                           @Nullable LocalDate closedUntil) {}

    /** A page in the viewer: its text as HTML-safe markup with the query's words marked. */
    public record PageView(FondRow fond, InventoryRow inventory, FileRow file, long pageId, int number, String cipher,
                           String status, String markedText, @Nullable Integer previous, @Nullable Integer next, int count) {}

    /** A fond in the tree with its inventories and how many files of each are open. */
    public record FondTree(FondRow fond, List<InventoryRow> inventories) {}

    // ---- reading

    @Transactional(readOnly = true)
    public List<FondRow> fonds() {
        return holdings.fonds().stream().map(FondRow::of).toList();
    }

    @Transactional(readOnly = true)
    public List<FondTree> tree() {
        LocalDate today = holdings.today();
        return holdings.fonds().stream().map(f -> new FondTree(FondRow.of(f),
                holdings.inventories(f.getId()).stream().map(i -> inventoryRow(i, today)).toList())).toList();
    }

    @Transactional(readOnly = true)
    public FondView fond(long id) {
        Fond fond = holdings.fond(id);
        LocalDate today = holdings.today();
        return new FondView(FondRow.of(fond), holdings.inventories(id).stream().map(i -> inventoryRow(i, today)).toList());
    }

    @Transactional(readOnly = true)
    public InventoryView inventory(long id) {
        Inventory inventory = holdings.inventory(id);
        LocalDate today = holdings.today();
        boolean all = seesClosed();
        List<FileRow> files = holdings.files(id).stream().filter(f -> all || !f.isClosed(today))
                .sorted(Comparator.comparing((ArchiveFile f) -> naturalKey(f.getNumber())))
                .map(f -> fileRow(f, today)).toList();
        return new InventoryView(FondRow.of(inventory.getFond()), inventoryRow(inventory, today), files);
    }

    @Transactional(readOnly = true)
    public FileView file(long id) {
        ArchiveFile file = visible(id);
        LocalDate today = holdings.today();
        List<TermRow> terms = file.getTerms().stream()
                .sorted(Comparator.comparing(Term::getKind).thenComparing(Term::getName))
                .map(t -> new TermRow(t.getId(), t.getKind().name(), t.getName())).toList();
        List<PageRow> pages = holdings.pages(id).stream()
                .map(p -> new PageRow(p.getId(), p.getNumber(), p.getTextStatus().name())).toList();
        return new FileView(FondRow.of(file.getInventory().getFond()), inventoryRow(file.getInventory(), today),
                fileRow(file, today), terms, pages, file.closedUntil());
    }

    @Transactional(readOnly = true)
    public PageView page(long fileId, int number, String words) {
        ArchiveFile file = visible(fileId);
        if (number < 1) {
            throw notFound();
        }
        Page page = holdings.page(fileId, number);
        LocalDate today = holdings.today();
        List<Integer> numbers = holdings.pageNumbers(fileId);
        int at = numbers.indexOf(number);
        Integer previous = at > 0 ? numbers.get(at - 1) : null;
        Integer next = at >= 0 && at < numbers.size() - 1 ? numbers.get(at + 1) : null;
        return new PageView(FondRow.of(file.getInventory().getFond()), inventoryRow(file.getInventory(), today),
                fileRow(file, today), page.getId(), number, page.cipher(), page.getTextStatus().name(),
                search.marked(page, words), previous, next, numbers.size());
    }

    /** Paths (under the community) of the fonds, inventories and files open to the public today, for the sitemap. */
    @Transactional(readOnly = true)
    public List<String> openPaths() {
        LocalDate today = holdings.today();
        List<String> paths = new ArrayList<>();
        for (Fond f : holdings.fonds()) {
            paths.add("archive/fonds/" + f.getId());
            for (Inventory i : holdings.inventories(f.getId())) {
                paths.add("archive/inventories/" + i.getId());
                holdings.files(i.getId()).stream().filter(file -> !file.isClosed(today))
                        .forEach(file -> paths.add("archive/files/" + file.getId()));
            }
        }
        return paths;
    }

    // ---- search

    /** A search hit as the pages and the API show it. */
    public record HitView(String cipher, String title, String snippet, String url, boolean restricted,
                          @Nullable LocalDate dateFrom, @Nullable LocalDate dateTo, @Nullable Integer page, double score,
                          String language) {
        /** The language of the snippet for the {@code lang} attribute (null when unknown or a page's title). */
        public @Nullable String snippetLang() {
            return page == null || "other".equals(language) ? null : language;
        }

        public String dates() {
            return dateSpan(dateFrom, dateTo);
        }
    }

    /** One facet value: the value as a request parameter, its label (a message key or a name) and the count. */
    public record FacetValue(String value, String label, boolean labelIsKey, long count) {}

    public record Results(List<HitView> hits, long total, int page, int totalPages, List<FacetValue> fonds,
                          List<FacetValue> decades, List<FacetValue> languages, List<FacetValue> terms) {}

    @Transactional(readOnly = true)
    public Results search(ArchiveSearch.Query q, String slug) {
        LocalDate today = holdings.today();
        ArchiveSearch.Result r = search.search(q, seesClosed(), today);
        List<HitView> hits = r.hits().stream().map(h -> hit(h, slug, q.words())).toList();
        Map<Long, Fond> fonds = holdings.fonds().stream().collect(Collectors.toMap(Fond::getId, Function.identity()));
        Map<Long, Term> terms = holdings.terms().stream().collect(Collectors.toMap(Term::getId, Function.identity()));
        List<FacetValue> fondFacet = new ArrayList<>();
        r.fonds().forEach((id, n) -> {
            Fond f = fonds.get(id);
            if (f != null) {
                fondFacet.add(new FacetValue(id.toString(), f.cipher() + " — " + f.getTitle(), false, n));
            }
        });
        List<FacetValue> decades = r.decades().entrySet().stream()
                .map(e -> new FacetValue(e.getKey().toString(), e.getKey() + "–" + (e.getKey() + 9), false, e.getValue())).toList();
        List<FacetValue> languages = r.languages().entrySet().stream()
                .map(e -> new FacetValue(e.getKey(), "archive.language." + e.getKey(), true, e.getValue())).toList();
        List<FacetValue> termFacet = new ArrayList<>();
        r.terms().forEach((id, n) -> {
            Term t = terms.get(id);
            if (t != null) {
                termFacet.add(new FacetValue(id.toString(), t.getName(), false, n));
            }
        });
        int totalPages = (int) Math.min(ArchiveSearch.MAX_PAGE + 1L,
                (r.total() + ArchiveSearch.PAGE_SIZE - 1) / ArchiveSearch.PAGE_SIZE);
        return new Results(hits, r.total(), q.page(), totalPages, fondFacet, decades, languages, termFacet);
    }

    private HitView hit(ArchiveSearch.Hit h, String slug, String words) {
        String base = "/" + slug + "/archive/files/" + h.fileId();
        String q = "?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
        String url = h.pageNumber() != null ? base + "/pages/" + h.pageNumber() + q : base;
        return new HitView(h.cipher(), h.title(), h.snippet(), url, h.restricted(), h.dateFrom(), h.dateTo(),
                h.pageNumber(), h.score(), h.language());
    }

    // ---- access

    /** The file, if the current user may see it; otherwise "no such file". */
    private ArchiveFile visible(long id) {
        ArchiveFile file = holdings.file(id);
        if (file.isClosed(holdings.today()) && !seesClosed()) {
            throw notFound();
        }
        return file;
    }

    private InventoryRow inventoryRow(Inventory i, LocalDate today) {
        int open = 0;
        int closed = 0;
        for (ArchiveFile f : holdings.files(i.getId())) {
            if (f.isClosed(today)) {
                closed++;
            } else {
                open++;
            }
        }
        return new InventoryRow(i.getId(), i.cipher(), i.getNumber(), i.getTitle(), yearSpan(i.getYearFrom(), i.getYearTo()),
                open, closed);
    }

    private FileRow fileRow(ArchiveFile f, LocalDate today) {
        return new FileRow(f.getId(), f.cipher(), f.getNumber(), f.getTitle(), f.getDateFrom(), f.getDateTo(), f.getExtent(),
                f.getLanguage(), f.isClosed(today));
    }

    static String yearSpan(@Nullable Integer from, @Nullable Integer to) {
        if (from == null && to == null) {
            return "";
        }
        if (from == null || to == null || from.equals(to)) {
            return String.valueOf(from != null ? from : to);
        }
        return from + "–" + to;
    }

    static String dateSpan(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from == null || to == null || from.equals(to)) {
            return DATES.date(from != null ? from : to);
        }
        return DATES.date(from) + "–" + DATES.date(to);
    }

    private static final Dates DATES = new Dates();
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)(.*)$");

    /** Orders «2», «10», «10а» as people count them. */
    private static String naturalKey(String number) {
        Matcher m = LEADING_NUMBER.matcher(number);
        return m.matches() ? String.format("%010d%s", Long.parseLong(m.group(1)), m.group(2)) : "~" + number;
    }

    private static NotFoundException notFound() {
        CurrentCommunity.require();
        return new NotFoundException("archive.notFound");
    }
}
