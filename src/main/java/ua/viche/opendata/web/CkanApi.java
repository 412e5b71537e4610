package ua.viche.opendata.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.DatasetResource;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * CKAN's Action API v3 under the community's address, so that a CKAN harvester given
 * {@code https://host/{community}} works unchanged (the national portal data.gov.ua harvests so):
 * {@code /{community}/api/3/action/{action}} (and {@code /api/action/}), GET with query parameters or
 * POST with a JSON body, answered in CKAN's envelope ({@code help}, {@code success}, {@code result}
 * or {@code error}). Read-only: it lists the published datasets only.
 */
@RestController
class CkanApi {

    static final int MAX_ROWS = 1000;

    private final Register register;
    private final CkanDicts dicts;
    private final JsonMapper json;
    private final Clock clock;

    CkanApi(Register register, CkanDicts dicts, JsonMapper json, Clock clock) {
        this.register = register;
        this.dicts = dicts;
        this.json = json;
        this.clock = clock;
    }

    /** A CKAN error: the HTTP status, CKAN's {@code __type} and message. */
    static final class CkanError extends RuntimeException {
        final int status;
        final String type;
        final Map<String, Object> fields;

        CkanError(int status, String type, String message, Map<String, Object> fields) {
            super(message);
            this.status = status;
            this.type = type;
            this.fields = fields;
        }

        static CkanError notFound() {
            return new CkanError(404, "Not Found Error", "Not found", Map.of());
        }

        static CkanError missing(String field) {
            return new CkanError(409, "Validation Error", "", Map.of(field, List.of("Missing value")));
        }

        static CkanError invalid(String field, String message) {
            return new CkanError(409, "Validation Error", "", Map.of(field, List.of(message)));
        }
    }

    @RequestMapping(value = {"/{community}/api/3/action/{action}", "/{community}/api/action/{action}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> action(@PathVariable("community") String slug, @PathVariable("action") String action,
                                               HttpServletRequest request) throws IOException {
        Community c = CurrentCommunity.require();
        String help = dicts.siteUrl(c) + "/api/3/action/help_show?name=" + action;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help);
        try {
            Map<String, String> params = params(request);
            body.put("success", true);
            body.put("result", answer(c, action, params));
            return ResponseEntity.ok(body);
        } catch (CkanError e) {
            return error(body, e.status, e.type, e.getMessage(), e.fields);
        } catch (CkanSearch.Invalid e) {
            return error(body, 409, "Search Query Error", "Search Query is invalid: " + e.getMessage(), Map.of());
        } catch (UnknownAction e) {
            return error(body, 400, "Bad request", "Bad request - Action name not known: " + action, Map.of());
        } catch (NumberFormatException e) {
            return error(body, 409, "Validation Error", "", Map.of("rows", List.of("Invalid integer")));
        }
    }

    private static ResponseEntity<Map<String, Object>> error(Map<String, Object> body, int status, String type, String message,
                                                             Map<String, Object> fields) {
        body.put("success", false);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("__type", type);
        if (!message.isEmpty()) {
            error.put("message", message);
        }
        error.putAll(fields);
        body.put("error", error);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static final class UnknownAction extends RuntimeException {}

    /** Query parameters, and the members of a JSON body (lists and objects as their JSON text, as CKAN reads {@code facet.field}). */
    private Map<String, String> params(HttpServletRequest request) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
        if ("POST".equals(request.getMethod()) && request.getContentType() != null && request.getContentType().contains("json")) {
            byte[] bytes = request.getInputStream().readAllBytes();
            if (bytes.length > 0) {
                JsonNode node;
                try {
                    node = json.readTree(bytes);
                } catch (RuntimeException e) {
                    throw new CkanError(400, "Bad request", "JSON Error: could not read the request body", Map.of());
                }
                if (!node.isObject()) {
                    throw new CkanError(400, "Bad request", "JSON Error: Request data JSON decoded to a non-dictionary", Map.of());
                }
                for (var e : node.properties()) {
                    params.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
                }
            }
        }
        return params;
    }

    private static int integer(Map<String, String> params, String name, int fallback, int max) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        int n = Integer.parseInt(v.strip());
        if (n < 0) {
            throw CkanError.invalid(name, "Must be a natural number");
        }
        return Math.min(n, max);
    }

    private static boolean flag(Map<String, String> params, String name) {
        return "true".equalsIgnoreCase(params.getOrDefault(name, "false"));
    }

    private Object answer(Community c, String action, Map<String, String> params) {
        return switch (action) {
            case "site_read" -> true;
            case "status_show" -> status(c);
            case "package_list" -> page(register.published().stream().map(e -> e.dataset().getName()).sorted().toList(), params);
            case "package_show" -> {
                String id = params.get("id");
                if (id == null || id.isBlank()) {
                    throw CkanError.missing("id");
                }
                yield dicts.pkg(c, register.publicEntry(id.strip()).orElseThrow(CkanError::notFound));
            }
            case "package_search" -> search(c, params);
            case "current_package_list_with_resources" -> {
                List<Register.Entry> all = new ArrayList<>(register.published());
                all.sort(CkanSearch.sort("metadata_modified desc"));
                yield page(all, params).stream().map(e -> dicts.pkg(c, e)).toList();
            }
            case "organization_list" -> flag(params, "all_fields")
                    ? List.of(dicts.organization(c, register.published().size())) : List.of(c.slug());
            case "organization_show" -> {
                String id = params.get("id");
                if (id == null || id.isBlank()) {
                    throw CkanError.missing("id");
                }
                if (!id.equals(c.slug()) && !id.equals(CkanDicts.organizationId(c).toString())) {
                    throw CkanError.notFound();
                }
                List<Register.Entry> published = register.published();
                Map<String, Object> org = dicts.organization(c, published.size());
                if (flag(params, "include_datasets")) {
                    org.put("packages", published.stream().limit(1000).map(e -> dicts.pkg(c, e)).toList());
                }
                yield org;
            }
            case "group_list" -> groups(c, params);
            case "tag_list" -> {
                String query = params.getOrDefault("query", "").toLowerCase(Locale.ROOT);
                Set<String> tags = new TreeSet<>();
                register.published().forEach(e -> tags.addAll(e.dataset().keywordList()));
                List<String> names = tags.stream().filter(t -> t.contains(query)).toList();
                yield flag(params, "all_fields") ? names.stream().map(dicts::tag).toList() : names;
            }
            case "resource_show" -> {
                String id = params.get("id");
                if (id == null || id.isBlank()) {
                    throw CkanError.missing("id");
                }
                for (Register.Entry e : register.published()) {
                    for (DatasetResource r : e.resources()) {
                        if (r.getUuid().toString().equals(id.strip())) {
                            yield dicts.resource(c, e.dataset(), r);
                        }
                    }
                }
                throw CkanError.notFound();
            }
            default -> throw new UnknownAction();
        };
    }

    private <T> List<T> page(List<T> all, Map<String, String> params) {
        int offset = integer(params, "offset", 0, Integer.MAX_VALUE);
        String limitText = params.get("limit");
        int limit = limitText == null || limitText.isBlank() ? all.size() : integer(params, "limit", all.size(), MAX_ROWS);
        int from = Math.min(offset, all.size());
        return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
    }

    private Map<String, Object> status(Community c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("site_title", c.nameUk() + " — відкриті дані");
        s.put("site_description", "");
        s.put("site_url", dicts.siteUrl(c));
        s.put("ckan_version", "2.10.5");
        s.put("error_emails_to", null);
        s.put("locale_default", "uk");
        s.put("extensions", List.of());
        return s;
    }

    private Object groups(Community c, Map<String, String> params) {
        Map<Theme, Integer> counts = new TreeMap<>();
        register.published().forEach(e -> counts.merge(e.dataset().getTheme(), 1, Integer::sum));
        return flag(params, "all_fields")
                ? counts.entrySet().stream().map(e -> dicts.group(c, e.getKey(), e.getValue())).toList()
                : counts.keySet().stream().map(Theme::groupName).toList();
    }

    private Map<String, Object> search(Community c, Map<String, String> params) {
        int rows = integer(params, "rows", 10, MAX_ROWS);
        int start = integer(params, "start", 0, Integer.MAX_VALUE);
        String q = params.getOrDefault("q", "").strip();
        String fq = params.getOrDefault("fq", "");
        String sort = params.getOrDefault("sort", "");
        Predicate<Register.Entry> filter = CkanSearch.filter(fq, c.slug(), CkanDicts.organizationId(c).toString(), clock.instant());
        List<Register.Entry> published = register.published();
        if (!q.isEmpty() && !q.equals("*:*")) {
            if (q.matches("[a-z_]+:.*")) {
                filter = filter.and(CkanSearch.filter(q, c.slug(), CkanDicts.organizationId(c).toString(), clock.instant()));
            } else {
                Set<Long> ids = register.textMatches(q);
                filter = filter.and(e -> ids.contains(e.dataset().getId()));
            }
        }
        List<Register.Entry> found = new ArrayList<>(published.stream().filter(filter).toList());
        found.sort(CkanSearch.sort(sort));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.size());
        result.put("sort", sort.isBlank() ? "score desc, metadata_modified desc" : sort);
        Map<String, Object> facets = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        for (String field : facetFields(params.get("facet.field"))) {
            Map<String, Integer> counts = new TreeMap<>();
            Map<String, String> display = new LinkedHashMap<>();
            for (Register.Entry e : found) {
                for (String[] value : facetValues(c, field, e)) {
                    counts.merge(value[0], 1, Integer::sum);
                    display.put(value[0], value[1]);
                }
            }
            int limit = integer(params, "facet.limit", 50, 1000);
            List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).toList();
            Map<String, Integer> plain = new LinkedHashMap<>();
            top.forEach(t -> plain.put(t.getKey(), t.getValue()));
            facets.put(field, plain);
            Map<String, Object> sf = new LinkedHashMap<>();
            sf.put("title", field);
            sf.put("items", top.stream().map(t -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("name", t.getKey());
                item.put("display_name", display.get(t.getKey()));
                item.put("count", t.getValue());
                return item;
            }).toList());
            searchFacets.put(field, sf);
        }
        result.put("facets", facets);
        result.put("results", found.stream().skip(start).limit(rows).map(e -> dicts.pkg(c, e)).toList());
        result.put("search_facets", searchFacets);
        return result;
    }

    private List<String> facetFields(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(text);
            if (node.isArray()) {
                List<String> out = new ArrayList<>();
                node.forEach(n -> out.add(n.asString()));
                return out;
            }
        } catch (RuntimeException e) {
            // a single field name, as some clients send it
        }
        return List.of(text.strip());
    }

    private List<String[]> facetValues(Community c, String field, Register.Entry e) {
        Function<String, String[]> same = v -> new String[] {v, v};
        return switch (field) {
            case "organization" -> List.<String[]>of(new String[] {c.slug(), c.nameUk()});
            case "tags" -> e.dataset().keywordList().stream().map(same).toList();
            case "res_format" -> e.formats().stream().map(f -> same.apply(f.name())).toList();
            case "groups" -> List.<String[]>of(new String[] {e.dataset().getTheme().groupName(), dicts.themeTitle(e.dataset().getTheme())});
            case "license_id" -> List.<String[]>of(same.apply(e.dataset().getLicence().id()));
            default -> throw new CkanSearch.Invalid("unknown facet field: " + field);
        };
    }
}
