package ua.viche.archive.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ua.viche.archive.reading.PublicArchive;
import ua.viche.archive.reading.SearchRequest;
import ua.viche.archive.search.ArchiveSearch;
import ua.viche.platform.Refusal;

/**
 * The archive for readers: the fonds, an inventory's files, a file's pages, the page viewer with
 * the text beside the scan, and the search. Closed files are visible to archivists only.
 */
@Controller
@RequestMapping("/{community}/archive")
class ArchiveReadingController {

    private final PublicArchive archive;

    ArchiveReadingController(PublicArchive archive) {
        this.archive = archive;
    }

    @GetMapping
    String home(@PathVariable("community") String slug, Model model) {
        model.addAttribute("fonds", archive.fonds());
        model.addAttribute("seesClosed", archive.seesClosed());
        return "archive/reading/home";
    }

    @GetMapping("/fonds/{id:\\d{1,18}}")
    String fond(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("view", archive.fond(id));
        return "archive/reading/fond";
    }

    @GetMapping("/inventories/{id:\\d{1,18}}")
    String inventory(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("view", archive.inventory(id));
        model.addAttribute("seesClosed", archive.seesClosed());
        return "archive/reading/inventory";
    }

    @GetMapping("/files/{id:\\d{1,18}}")
    String file(@PathVariable("community") String slug, @PathVariable("id") long id, Model model) {
        model.addAttribute("view", archive.file(id));
        return "archive/reading/file";
    }

    @GetMapping("/files/{id:\\d{1,18}}/pages/{n:\\d{1,6}}")
    String page(@PathVariable("community") String slug, @PathVariable("id") long id, @PathVariable("n") int n,
                @RequestParam(name = "q", defaultValue = "") String q, Model model) {
        String words = q.length() > 200 ? "" : q.strip();
        model.addAttribute("view", archive.page(id, n, words));
        model.addAttribute("q", words);
        return "archive/reading/page";
    }

    @GetMapping("/search")
    String search(@PathVariable("community") String slug, @RequestParam(name = "q", defaultValue = "") String q,
                  @RequestParam(name = "fond", required = false) @Nullable String fond,
                  @RequestParam(name = "decade", required = false) @Nullable String decade,
                  @RequestParam(name = "language", required = false) @Nullable String language,
                  @RequestParam(name = "term", required = false) @Nullable List<String> terms,
                  @RequestParam(name = "sort", required = false) @Nullable String sort,
                  @RequestParam(name = "page", required = false) @Nullable String page,
                  Model model, HttpServletResponse response) {
        String path = "/" + slug + "/archive/search";
        SearchRequest request;
        try {
            request = SearchRequest.parse(path, q, fond, decade, language, terms, sort, page);
        } catch (Refusal e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("q", q.length() > 200 ? q.substring(0, 200) : q);
            return "archive/reading/search";
        }
        model.addAttribute("q", request.words());
        model.addAttribute("request", request);
        if (!request.words().isEmpty()) {
            PublicArchive.Results results = archive.search(request.query(), slug);
            model.addAttribute("results", results);
            model.addAttribute("pager", new PageImpl<>(results.hits(),
                    PageRequest.of(results.page(), ArchiveSearch.PAGE_SIZE),
                    Math.min(results.total(), (long) results.totalPages() * ArchiveSearch.PAGE_SIZE)));
        }
        model.addAttribute("seesClosed", archive.seesClosed());
        return "archive/reading/search";
    }
}
