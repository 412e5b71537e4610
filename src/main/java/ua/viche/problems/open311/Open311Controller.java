package ua.viche.problems.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.Communities;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.RateLimiter;
import ua.viche.platform.Refusal;
import ua.viche.platform.VicheSettings;
import ua.viche.problems.domain.Open311Client;
import ua.viche.problems.domain.Open311Keys;
import ua.viche.problems.domain.ProblemCategory;
import ua.viche.problems.domain.ProblemReport;
import ua.viche.problems.domain.ProblemService;
import ua.viche.problems.domain.ProblemStatus;
import ua.viche.problems.domain.ProblemUpdate;

/**
 * Open311 GeoReport v2 for one community (http://wiki.open311.org/GeoReport_v2): services (the
 * problem categories), service definitions, service requests (the reports) read and created, and
 * tokens. Every resource in JSON and XML by its extension; statuses are {@code open}/{@code closed}.
 */
@RestController
@RequestMapping("/open311/v2/{community}")
class Open311Controller {

    static final int MAX_REQUESTS = 1000;
    private static final String FORMAT = "{format:json|xml}";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ProblemService problems;
    private final Open311Keys keys;
    private final Communities communities;
    private final RateLimiter limiter;
    private final VicheSettings settings;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    Open311Controller(ProblemService problems, Open311Keys keys, Communities communities, RateLimiter limiter,
                      VicheSettings settings, MessageSource messages, JsonMapper json, Clock clock) {
        this.problems = problems;
        this.keys = keys;
        this.communities = communities;
        this.limiter = limiter;
        this.settings = settings;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/services." + FORMAT)
    ResponseEntity<String> services(@PathVariable("format") String format) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, @Nullable Object>> services = new ArrayList<>();
        for (ProblemCategory c : problems.activeCategories()) {
            Map<String, @Nullable Object> s = new LinkedHashMap<>();
            s.put("service_code", c.getCode());
            s.put("service_name", c.name(locale));
            s.put("description", c.name(locale));
            s.put("metadata", false);
            s.put("type", "realtime");
            s.put("keywords", c.getCode().replace('-', ','));
            s.put("group", department(c).map(d -> d.name(locale)).orElse(""));
            services.add(s);
        }
        return Open311Format.list(json, format, 200, "services", "service", services);
    }

    @GetMapping("/services/{code}." + FORMAT)
    ResponseEntity<String> definition(@PathVariable("code") String code, @PathVariable("format") String format) {
        ProblemCategory c = problems.category(code).filter(ProblemCategory::isActive)
                .orElseThrow(() -> Refusal.of("problem.open311.error.serviceCode", code).status(404));
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("service_code", c.getCode());
        d.put("attributes", List.of());
        return Open311Format.single(json, format, "service_definition", d);
    }

    @GetMapping("/requests." + FORMAT)
    ResponseEntity<String> requests(@PathVariable("format") String format,
                                    @RequestParam(name = "service_request_id", defaultValue = "") String ids,
                                    @RequestParam(name = "service_code", defaultValue = "") String codes,
                                    @RequestParam(name = "start_date", defaultValue = "") String start,
                                    @RequestParam(name = "end_date", defaultValue = "") String end,
                                    @RequestParam(name = "status", defaultValue = "") String status) {
        Map<Long, ProblemCategory> categories = byId();
        List<ProblemReport> found;
        if (!ids.isBlank()) { // the standard: other parameters are then ignored
            found = problems.byIds(ProblemService.ids(ids)).stream().limit(MAX_REQUESTS).toList();
        } else {
            Instant to = end.isBlank() ? Instant.now(clock).plusSeconds(1) : date(end, "end_date");
            Instant from = start.isBlank() ? to.minus(Duration.ofDays(90)) : date(start, "start_date");
            if (!from.isBefore(to)) {
                throw Refusal.badInput("problem.open311.error.dateOrder");
            }
            Collection<Long> categoryIds = null;
            if (!codes.isBlank()) {
                categoryIds = categories.values().stream().filter(k -> List.of(codes.split(",")).stream()
                        .map(String::strip).anyMatch(k.getCode()::equals)).map(ProblemCategory::getId).toList();
                if (categoryIds.isEmpty()) {
                    categoryIds = List.of(-1L);
                }
            }
            found = problems.forOpen311(statuses(status), categoryIds, from, to, MAX_REQUESTS);
        }
        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        for (ProblemReport r : found) {
            items.add(request(r, categories.get(r.getCategoryId())));
        }
        return Open311Format.list(json, format, 200, "service_requests", "request", items);
    }

    @GetMapping("/requests/{id}." + FORMAT)
    ResponseEntity<String> request(@PathVariable("id") String id, @PathVariable("format") String format) {
        ProblemReport r = parseId(id).flatMap(i -> problems.byIds(List.of(i)).stream().findFirst())
                .orElseThrow(() -> Refusal.of("problem.open311.error.request", id).status(404));
        return Open311Format.list(json, format, 200, "service_requests", "request",
                List.of(request(r, byId().get(r.getCategoryId()))));
    }

    @GetMapping("/tokens/{token}." + FORMAT)
    ResponseEntity<String> token(@PathVariable("token") String token, @PathVariable("format") String format) {
        ProblemReport r = problems.byToken(token).orElseThrow(() -> Refusal.of("problem.open311.error.token", token).status(404));
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("service_request_id", String.valueOf(r.getId()));
        item.put("token", r.getToken());
        return Open311Format.list(json, format, 200, "service_requests", "request", List.of(item));
    }

    @PostMapping("/requests." + FORMAT)
    ResponseEntity<String> create(@PathVariable("format") String format, HttpServletRequest request,
                                  @RequestParam(name = "api_key", defaultValue = "") String apiKey,
                                  @RequestParam(name = "service_code", defaultValue = "") String code,
                                  @RequestParam(name = "lat", defaultValue = "") String lat,
                                  @RequestParam(name = "long", defaultValue = "") String lon,
                                  @RequestParam(name = "address_string", defaultValue = "") String address,
                                  @RequestParam(name = "description", defaultValue = "") String description,
                                  @RequestParam(name = "email", defaultValue = "") String email,
                                  @RequestParam(name = "first_name", defaultValue = "") String firstName,
                                  @RequestParam(name = "last_name", defaultValue = "") String lastName,
                                  @RequestParam(name = "phone", defaultValue = "") String phone,
                                  @RequestParam(name = "media_url", defaultValue = "") String mediaUrl,
                                  @RequestParam(name = "idempotency_key", defaultValue = "") String idempotencyKey) {
        Open311Client client = keys.authenticate(apiKey).orElseThrow(() -> Refusal.of(apiKey.isBlank() ? "problem.open311.error.noApiKey" : "problem.open311.error.apiKey").status(403));
        limiter.consume(new RateLimiter.Limit("open311", 120, Duration.ofMinutes(1)), "client-" + client.getId());
        if (code.isBlank()) {
            throw Refusal.badInput("problem.open311.error.noServiceCode");
        }
        ProblemCategory category = problems.category(code.strip()).filter(ProblemCategory::isActive)
                .orElseThrow(() -> Refusal.of("problem.open311.error.serviceCode", code).status(404));
        Double latitude = number(lat, "lat", 90);
        Double longitude = number(lon, "long", 180);
        if ((latitude == null || longitude == null) && address.isBlank()) {
            throw Refusal.badInput("problem.open311.error.location");
        }
        String header = request.getHeader("Idempotency-Key");
        String key = !idempotencyKey.isBlank() ? idempotencyKey : header != null && !header.isBlank() ? header
                : UUID.randomUUID().toString();
        if (key.length() > 80) {
            throw Refusal.badInput("problem.open311.error.idempotencyKey");
        }
        String name = (firstName.strip() + " " + lastName.strip()).strip();
        ProblemService.Submitted submitted;
        try {
            submitted = problems.submit(new ProblemService.Submission(category.getId(), latitude, longitude, address,
                    description, name, email, phone, false, mediaUrl, List.of(), "o311-" + client.getId() + "-" + key.strip(),
                    "open311"));
        } catch (Refusal e) {
            throw e.status(Refusal.BAD_INPUT);
        }
        Map<String, @Nullable Object> item = new LinkedHashMap<>();
        item.put("service_request_id", String.valueOf(submitted.report().getId()));
        item.put("token", submitted.report().getToken());
        item.put("service_notice", messages.getMessage("problem.open311.notice", null, LocaleContextHolder.getLocale()));
        item.put("account_id", null);
        return Open311Format.list(json, format, 200, "service_requests", "request", List.of(item));
    }

    /** Anything else under the community's Open311 root: the standard's 404. */
    @RequestMapping("/**")
    ResponseEntity<String> unknown(HttpServletRequest request) {
        throw Refusal.of("problem.open311.error.resource", request.getRequestURI().replaceAll("[^A-Za-z0-9/._-]", "")).status(404);
    }

    private Map<String, @Nullable Object> request(ProblemReport r, ProblemCategory c) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ProblemUpdate> history = problems.history(r.getId());
        String notes = history.stream().filter(u -> u.getComment() != null).reduce((a, b) -> b)
                .map(ProblemUpdate::getComment).orElse("");
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("service_request_id", String.valueOf(r.getId()));
        m.put("status", r.getStatus().open311());
        m.put("status_notes", notes);
        m.put("service_name", c.name(locale));
        m.put("service_code", c.getCode());
        m.put("description", r.getDescription());
        m.put("agency_responsible", department(c).map(d -> d.name(locale)).orElse(""));
        m.put("service_notice", "");
        m.put("requested_datetime", iso(r.getCreatedAt()));
        m.put("updated_datetime", iso(r.getUpdatedAt()));
        m.put("expected_datetime", null);
        m.put("address", r.getAddress() == null ? "" : r.getAddress());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.getLatitude());
        m.put("long", r.getLongitude());
        m.put("media_url", mediaUrl(r));
        return m;
    }

    private @Nullable String mediaUrl(ProblemReport r) {
        if (r.getMediaUrl() != null) {
            return r.getMediaUrl();
        }
        return problems.photos(r.getId()).stream().findFirst()
                .map(p -> settings.absolute(ProblemService.url(r) + "/photos/" + p.getId())).orElse(null);
    }

    private Optional<Department> department(ProblemCategory c) {
        return c.getDepartmentId() == null ? Optional.empty()
                : communities.departments().stream().filter(d -> d.id() == c.getDepartmentId()).findFirst();
    }

    private Map<Long, ProblemCategory> byId() {
        Map<Long, ProblemCategory> m = new LinkedHashMap<>();
        problems.categories().forEach(c -> m.put(c.getId(), c));
        return m;
    }

    static String iso(Instant instant) {
        return instant.atZone(Dates.KYIV).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS).format(ISO);
    }

    private static Instant date(String text, String name) {
        try {
            return OffsetDateTime.parse(text.strip(), ISO).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).atOffset(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw Refusal.badInput("problem.open311.error.date", name);
            }
        }
    }

    private static Collection<ProblemStatus> statuses(String status) {
        if (status.isBlank()) {
            return EnumSet.allOf(ProblemStatus.class);
        }
        EnumSet<ProblemStatus> set = EnumSet.noneOf(ProblemStatus.class);
        for (String s : status.split(",")) {
            switch (s.strip()) {
                case "open" -> set.addAll(ProblemStatus.OPEN);
                case "closed" -> set.addAll(EnumSet.complementOf(EnumSet.copyOf(ProblemStatus.OPEN)));
                default -> throw Refusal.badInput("problem.open311.error.status");
            }
        }
        return set;
    }

    private static @Nullable Double number(String text, String name, double limit) {
        if (text.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Refusal.badInput("problem.open311.error.degrees", name);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
