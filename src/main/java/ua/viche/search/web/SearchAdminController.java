package ua.viche.search.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;
import ua.viche.search.SearchIndexing;
import ua.viche.search.index.SearchReindex;

/**
 * The platform administrator's search page ({@code /admin/search}): the index's backlog (changes
 * committed, not yet applied) and a rebuild of one community's index or every community's, with its
 * progress; the page refreshes itself (a {@code Refresh} header, no script) while a rebuild runs.
 * JSON twin: {@code /api/v1/admin/search}.
 */
@Controller
class SearchAdminController {

    private final SearchReindex reindex;
    private final SearchIndexing indexing;
    private final Communities communities;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    SearchAdminController(SearchReindex reindex, SearchIndexing indexing, Communities communities, AuditLog audit,
                          TransactionTemplate tx) {
        this.tx = tx;
        this.reindex = reindex;
        this.indexing = indexing;
        this.communities = communities;
        this.audit = audit;
    }

    @GetMapping("/admin/search")
    String page(Model model, HttpServletResponse response) {
        SearchReindex.Progress progress = reindex.progress();
        model.addAttribute("progress", progress);
        model.addAttribute("backlog", indexing.backlog());
        model.addAttribute("communities", communities.all());
        if (progress.running()) {
            response.setHeader("Refresh", "3");
            model.addAttribute("refreshing", true);
        }
        return "search/admin";
    }

    @PostMapping("/admin/search/reindex")
    @Refusal.Back("/admin/search")
    String start(@RequestParam(name = "scope", required = false) @Nullable String scope, RedirectAttributes redirect) {
        String started = startReindex(scope);
        redirect.addFlashAttribute("started", started);
        return "redirect:/admin/search";
    }

    @GetMapping(value = "/api/v1/admin/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> json() {
        requirePlatformAdmin();
        SearchReindex.Progress p = reindex.progress();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backlog", indexing.backlog());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scope", p.scope());
        r.put("running", p.running());
        r.put("communitiesDone", p.communitiesDone());
        r.put("communitiesTotal", p.communitiesTotal());
        r.put("current", p.current());
        r.put("documentsDone", p.documentsDone());
        r.put("documentsTotal", p.documentsTotal());
        r.put("percent", p.percent());
        r.put("started", p.started());
        r.put("finished", p.finished());
        r.put("failure", p.failure());
        out.put("reindex", r);
        return out;
    }

    @PostMapping(value = "/api/v1/admin/search/reindex", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> startJson(@RequestParam(name = "scope", required = false) @Nullable String scope) {
        requirePlatformAdmin();
        startReindex(scope);
        return json();
    }

    /** Starts a rebuild of {@code scope} (a community's slug or {@code all}) and audits it. */
    private String startReindex(@Nullable String scope) {
        String s = scope == null || scope.isBlank() ? SearchReindex.ALL : scope.strip();
        if (reindex.targets(s).isEmpty()) {
            throw Refusal.field("scope", "search.admin.unknownScope", s);
        }
        if (!reindex.start(s)) {
            throw Refusal.of("search.admin.busy");
        }
        // in the audit log of every community whose index is rebuilt
        for (Community c : reindex.targets(s)) {
            CurrentCommunity.runAs(c, () -> tx.executeWithoutResult(status -> audit.record("search.reindex", "search", null, s)));
        }
        return s;
    }

    private static void requirePlatformAdmin() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a.getAuthorities().stream().noneMatch(g -> "ROLE_PLATFORM_ADMIN".equals(g.getAuthority()))) {
            throw new AccessDeniedException("platform administrators only");
        }
    }
}
