package ua.viche.platform;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.community.CommunityEntity;
import ua.viche.platform.community.CommunityForm;
import ua.viche.platform.community.CommunityRepository;
import ua.viche.platform.community.DepartmentEntity;
import ua.viche.platform.community.DepartmentRepository;

/**
 * Communities and their departments. Communities are few and read on every request, so they are
 * kept in memory with their settings; when one is created or changed, or a department added, every
 * node drops what it keeps and reads it again ({@link SharedCaches}, cache {@value #CACHE}).
 */
@Service
public class Communities {

    /**
     * First path segments the platform itself serves (its pages, API, static files); on a host
     * mapped to a community every other path is that community's.
     */
    public static final Set<String> PLATFORM_ROOTS = Set.of("api", "account", "admin", "demo", "css", "js",
            "webjars", "actuator", "error", "open311", "hooks", "oauth2", "login", "logout", "v3", "swagger-ui",
            "favicon.ico", "robots.txt", "sitemap.xml", "accessibility");

    /**
     * Path segments that are never community slugs: every root of the platform's own paths
     * ({@link #PLATFORM_ROOTS}, and {@code communities} and the API description after {@code /api/v1/}),
     * and words kept back for pages the platform may add.
     */
    public static final Set<String> RESERVED = Stream.concat(PLATFORM_ROOTS.stream(), Stream.of(
            "communities", "openapi.json", "openapi.json.yaml", "search", "img", "static", "assets", "files",
            "images", "fonts", "media", "uploads", "docs", "help", "about", "contact", "health", "status",
            "metrics", "signin", "signout", "register", "auth", "oauth", "openid", "www", "mail", "new", "en",
            "uk", "well-known", "platform", "feed", "rss", "sitemap")).collect(Collectors.toUnmodifiableSet());

    /** A community's slug: lower-case Latin letters, digits and hyphens, from a letter to a letter or digit. */
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,61}[a-z0-9]");

    /** Why a slug cannot name a new community (a message key), or null when it can. */
    public static @Nullable String slugProblem(String slug) {
        if (!SLUG.matcher(slug).matches()) {
            return "community.slug.invalid";
        }
        return RESERVED.contains(slug) ? "community.slug.reserved" : null;
    }

    /** Ukrainian alphabetical order (і after и, ї after і; apostrophes ignored). */
    public static final Collator UKRAINIAN_ORDER = Collator.getInstance(Locale.forLanguageTag("uk"));

    private final CommunityRepository communities;
    private final DepartmentRepository departments;
    private volatile Map<String, Community> bySlug = Map.of();
    private volatile Map<String, Community> byHost = Map.of();
    private final Map<Long, Community> byId = new ConcurrentHashMap<>();
    private final Map<Long, List<Department>> departmentCache = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** Counts the drops, so that a reading begun before a drop is not kept as current. */
    private final AtomicLong drops = new AtomicLong();
    private final SharedCaches caches;

    /** The name of the communities' cache in {@link SharedCaches}. */
    public static final String CACHE = "communities";

    Communities(CommunityRepository communities, DepartmentRepository departments, SharedCaches caches) {
        this.communities = communities;
        this.departments = departments;
        this.caches = caches;
        caches.onChange(CACHE, this::drop);
    }

    /** Forgets the communities and departments kept in memory; they are read again when next asked for. */
    void drop() {
        drops.incrementAndGet();
        loaded = false;
        departmentCache.clear();
    }

    public Optional<Community> bySlug(String slug) {
        ensureLoaded();
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Optional<Community> byHost(String host) {
        ensureLoaded();
        return Optional.ofNullable(byHost.get(host.toLowerCase()));
    }

    public Optional<Community> byId(long id) {
        ensureLoaded();
        return Optional.ofNullable(byId.get(id));
    }

    public List<Community> all() {
        ensureLoaded();
        return bySlug.values().stream().sorted(Comparator.comparing(Community::nameUk, UKRAINIAN_ORDER)).toList();
    }

    /** Creates a community; its slug must be valid and free ({@link #slugProblem}, {@link #slugTaken}). */
    @Transactional
    public Community create(CommunityForm form) {
        String problem = slugProblem(form.getSlug());
        if (problem != null || slugTaken(form.getSlug())) {
            throw new IllegalArgumentException(problem != null ? problem : "community.slug.taken");
        }
        CommunityEntity saved = communities.save(new CommunityEntity(form));
        communities.flush();
        caches.changed(CACHE);
        reload();
        return saved.toView();
    }

    @Transactional
    public Community update(long id, CommunityForm form) {
        CommunityEntity entity = communities.findById(id).orElseThrow(() -> new NotFoundException("error.community.notFound"));
        entity.update(form);
        communities.flush();
        caches.changed(CACHE);
        reload();
        return entity.toView();
    }

    /** Changes one per-community setting to a value of its type. */
    @Transactional
    public <T> Community putSetting(long id, Setting<T> setting, T value) {
        return putSetting(id, setting.key(), setting.format(value));
    }

    /** Changes one per-community setting (a descriptor key) to a stored text. */
    @Transactional
    public Community putSetting(long id, String key, String value) {
        CommunityEntity entity = communities.findById(id).orElseThrow(() -> new NotFoundException("error.community.notFound"));
        entity.putSetting(key, value);
        communities.flush();
        caches.changed(CACHE);
        reload();
        return entity.toView();
    }

    public boolean slugTaken(String slug) {
        return RESERVED.contains(slug) || communities.findBySlug(slug).isPresent();
    }

    /** Departments of the current community (kept in memory; departments change rarely). */
    public List<Department> departments() {
        Community c = CurrentCommunity.require();
        return departmentCache.computeIfAbsent(c.id(), id -> departments.findAllByOrderByNameUk().stream()
                .map(DepartmentEntity::toView).sorted(Comparator.comparing(Department::nameUk, UKRAINIAN_ORDER)).toList());
    }

    /** A department of the current community, if it exists there. */
    @Transactional(readOnly = true)
    public Optional<Department> department(long id) {
        CurrentCommunity.require();
        return departments.findById(id).map(DepartmentEntity::toView);
    }

    /** Adds a department to the current community unless one of that name exists. */
    @Transactional
    public void addDepartment(String nameUk, String nameEn, @Nullable String email, @Nullable String phone) {
        CurrentCommunity.require();
        if (!departments.existsByNameUk(nameUk)) {
            departments.save(new DepartmentEntity(nameUk, nameEn, email, phone));
            departmentCache.remove(CurrentCommunity.require().id());
            caches.changed(CACHE);
        }
    }

    private void ensureLoaded() {
        if (!loaded) {
            reload();
        }
    }

    /** Re-reads all communities into memory. */
    public synchronized void reload() {
        long before = drops.get();
        List<Community> all = communities.findAllByOrderByNameUk().stream().map(CommunityEntity::toView).toList();
        Map<String, Community> slugs = new ConcurrentHashMap<>();
        Map<String, Community> hosts = new ConcurrentHashMap<>();
        all.forEach(c -> {
            slugs.put(c.slug(), c);
            byId.put(c.id(), c);
            if (c.host() != null) {
                hosts.put(c.host(), c);
            }
        });
        bySlug = slugs;
        byHost = hosts;
        // dropped meanwhile (another node's change): what was read may be older, so it is read again when next asked for
        loaded = drops.get() == before;
        Community current = CurrentCommunity.find().orElse(null);
        if (current != null && byId.containsKey(current.id())) {
            CurrentCommunity.set(byId.get(current.id()));
        }
    }

    /** Runs work for each community in turn, with that community as the current one. */
    public void forEach(Consumer<Community> work) {
        all().forEach(c -> CurrentCommunity.runAs(c, () -> work.accept(c)));
    }
}
