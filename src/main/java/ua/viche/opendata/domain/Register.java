package ua.viche.opendata.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.HashSet;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Department;
import ua.viche.platform.FileStore;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.search.SharedIndex;

/**
 * The community's register of datasets: reading it (everything for the coordinator, the published
 * datasets for everyone), describing a dataset, uploading a version of a resource (checked first;
 * a refused file saves nothing), links, withdrawing and publishing again, download counts, and the
 * Resolution 835 template loaded (only what the register lacks). The coordinator is a community admin; an
 * official acts on the datasets of the departments their role covers.
 */
@Service
public class Register {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** The largest uploaded file. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final String MODULE = "opendata";
    /** Names the portal's own pages use. */
    static final Set<String> RESERVED = Set.of("manage", "api", "new", "datasets");

    private final DatasetRepository datasets;
    private final ResourceRepository resources;
    private final VersionRepository versions;
    private final Attachments attachments;
    private final AccessControl access;
    private final Communities communities;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SharedIndex index;

    Register(DatasetRepository datasets, ResourceRepository resources, VersionRepository versions, Attachments attachments,
             AccessControl access, Communities communities, AuditLog audit, JdbcTemplate jdbc, Clock clock,
             SharedIndex index) {
        this.datasets = datasets;
        this.resources = resources;
        this.versions = versions;
        this.attachments = attachments;
        this.access = access;
        this.communities = communities;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.index = index;
    }

    /** A dataset with its resources and department, as pages, the API and the catalogue show it. */
    public record Entry(Dataset dataset, List<DatasetResource> resources, @Nullable Department department, Dataset.Shown status) {

        public List<Format> formats() {
            return resources.stream().map(DatasetResource::getFormat).distinct().toList();
        }
    }

    /** What is typed into a dataset's form. */
    public record Input(String name, String titleUk, String titleEn, String descriptionUk, String descriptionEn, String keywords,
                        Theme theme, String legalBasis, Licence licence, Frequency frequency, @Nullable Long departmentId,
                        @Nullable String contactEmail, @Nullable LocalDate temporalFrom, @Nullable LocalDate temporalTo, String spatial,
                        String identifier) {}

    public LocalDate today() {
        return Dates.day(clock.instant());
    }

    // ---- reading

    /** Every dataset of the community, by title, with resources. */
    @Transactional(readOnly = true)
    public List<Entry> all() {
        return entries(datasets.findAllByOrderByTitleUk());
    }

    /** The published datasets (what the API, the catalogue and the public pages show), by title. */
    @Transactional(readOnly = true)
    public List<Entry> published() {
        return entries(datasets.findAllByOrderByTitleUk().stream().filter(Dataset::isPublic).toList());
    }

    private List<Entry> entries(List<Dataset> list) {
        Map<Long, List<DatasetResource>> byDataset = new LinkedHashMap<>();
        resources.findByDatasetIdInOrderByDatasetIdAscPositionAsc(list.stream().map(Dataset::getId).toList())
                .forEach(r -> byDataset.computeIfAbsent(r.getDatasetId(), k -> new ArrayList<>()).add(r));
        Map<Long, Department> departments = new LinkedHashMap<>();
        communities.departments().forEach(d -> departments.put(d.id(), d));
        LocalDate today = today();
        return list.stream().map(d -> new Entry(d, byDataset.getOrDefault(d.getId(), List.of()),
                d.getDepartmentId() == null ? null : departments.get(d.getDepartmentId()), d.shownStatus(today))).toList();
    }

    /** A published dataset by its name or its id (uuid), as CKAN's {@code package_show} finds it. */
    @Transactional(readOnly = true)
    public Optional<Entry> publicEntry(String nameOrId) {
        Optional<Dataset> d = datasets.findByName(nameOrId);
        if (d.isEmpty()) {
            try {
                d = datasets.findByUuid(java.util.UUID.fromString(nameOrId));
            } catch (IllegalArgumentException e) {
                d = Optional.empty();
            }
        }
        return d.filter(Dataset::isPublic).map(x -> entries(List.of(x)).get(0));
    }

    /**
     * Ids of the community's datasets whose titles, description or keywords hold every word, with
     * Ukrainian morphology (an inflected word finds its lemma); the words as typed, at most 200 characters.
     */
    @Transactional(readOnly = true)
    public Set<Long> textMatches(String words) {
        String text = words.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        String matching = text;
        long community = CurrentCommunity.require().id();
        return new HashSet<>(index.search(session -> session.search(Dataset.class)
                .select(f -> f.id(Long.class))
                .where(f -> f.bool().must(f.simpleQueryString().fields("titleUk", "titleEn", "descriptionUk", "keywords").matching(matching)
                        .defaultOperator(BooleanOperator.AND)).filter(SharedIndex.community(f, community)))
                .fetchHits(10_000)));
    }

    /** A dataset the current user may manage (404 for anyone else, and for another community's). */
    @Transactional(readOnly = true)
    public Entry managed(String name) {
        Dataset d = datasets.findByName(name).orElseThrow(Register::notFound);
        requireEditor(d);
        return entries(List.of(d)).get(0);
    }

    /** Whether the current user may manage datasets at all (the dashboard's link). */
    public boolean mayManage() {
        return access.scope(Role.COMMUNITY_ADMIN, Role.OFFICIAL).isPresent();
    }

    public boolean isCoordinator() {
        return access.scope(Role.COMMUNITY_ADMIN).map(AccessControl.Scope::all).orElse(false);
    }

    /** The datasets the current user manages: all for the coordinator, those of their departments for an official. */
    @Transactional(readOnly = true)
    public List<Entry> managedByMe() {
        access.require(Role.COMMUNITY_ADMIN, Role.OFFICIAL);
        AccessControl.Scope scope = scope();
        return all().stream().filter(e -> scope.covers(e.dataset().getDepartmentId())).toList();
    }

    private AccessControl.Scope scope() {
        if (isCoordinator()) {
            return AccessControl.Scope.ALL;
        }
        return access.scope(Role.OFFICIAL).orElseThrow(Register::notFound);
    }

    private void requireEditor(Dataset d) {
        access.require(Role.COMMUNITY_ADMIN, Role.OFFICIAL);
        if (!scope().covers(d.getDepartmentId())) {
            throw notFound();
        }
    }

    @Transactional(readOnly = true)
    public List<Version> versions(DatasetResource r) {
        return versions.findByResourceIdOrderByNumberDesc(r.getId());
    }

    // ---- changes

    /** Adds a dataset of the community's own (the coordinator only). */
    @Transactional
    public Dataset create(Input in) {
        access.require(Role.COMMUNITY_ADMIN);
        check(in, null);
        Dataset d = new Dataset(in.name(), Dataset.Origin.OWN, clock.instant());
        describe(d, in);
        datasets.save(d);
        audit.record("opendata.create", "opendata_dataset", d.getId(), d.getName());
        return d;
    }

    /** Changes a dataset's description; the department only the coordinator changes. */
    @Transactional
    public Dataset update(String name, Input in) {
        Dataset d = datasets.findByName(name).orElseThrow(Register::notFound);
        requireEditor(d);
        Input checked = isCoordinator() ? in : withDepartment(in, d.getDepartmentId());
        check(checked, d);
        describe(d, checked);
        audit.record("opendata.update", "opendata_dataset", d.getId(), d.getName());
        return d;
    }

    private static Input withDepartment(Input in, @Nullable Long department) {
        return new Input(in.name(), in.titleUk(), in.titleEn(), in.descriptionUk(), in.descriptionEn(), in.keywords(), in.theme(),
                in.legalBasis(), in.licence(), in.frequency(), department, in.contactEmail(), in.temporalFrom(), in.temporalTo(),
                in.spatial(), in.identifier());
    }

    private void describe(Dataset d, Input in) {
        String email = in.contactEmail() == null || in.contactEmail().isBlank() ? null : in.contactEmail().strip();
        d.describe(in.titleUk().strip(), in.titleEn().isBlank() ? in.titleUk().strip() : in.titleEn().strip(), in.descriptionUk().strip(),
                in.descriptionEn().strip(), normaliseKeywords(in.keywords()), in.theme(), in.legalBasis().strip(), in.licence(), in.frequency(),
                in.departmentId(), email, in.temporalFrom(), in.temporalTo(), in.spatial().strip(),
                in.identifier().isBlank() ? d.getName() : in.identifier().strip(), clock.instant());
    }

    static String normaliseKeywords(String keywords) {
        return String.join(", ", List.of(keywords.split("[,;]")).stream().map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList());
    }

    private void check(Input in, @Nullable Dataset existing) {
        List<Refusal.Fault> faults = new ArrayList<>();
        if (existing == null) {
            if (!NAME.matcher(in.name()).matches() || RESERVED.contains(in.name())) {
                faults.add(Refusal.Fault.of("name", "opendata.error.name"));
            } else if (datasets.findByName(in.name()).isPresent()) {
                faults.add(Refusal.Fault.of("name", "opendata.error.nameTaken"));
            }
        }
        if (in.titleUk().isBlank() || in.titleUk().length() > 500 || in.titleEn().length() > 500) {
            faults.add(Refusal.Fault.of("titleUk", "opendata.error.title"));
        }
        if (in.descriptionUk().isBlank() || in.descriptionUk().length() > 20_000 || in.descriptionEn().length() > 20_000) {
            faults.add(Refusal.Fault.of("descriptionUk", "opendata.error.description"));
        }
        if (in.contactEmail() != null && !in.contactEmail().isBlank() && !EMAIL.matcher(in.contactEmail().strip()).matches()) {
            faults.add(Refusal.Fault.of("contactEmail", "opendata.error.email"));
        }
        if (in.departmentId() != null && communities.department(in.departmentId()).isEmpty()) {
            faults.add(Refusal.Fault.of("departmentId", "opendata.error.department"));
        }
        if (in.temporalFrom() != null && in.temporalTo() != null && in.temporalTo().isBefore(in.temporalFrom())) {
            faults.add(Refusal.Fault.of("temporalTo", "opendata.error.temporal"));
        }
        if (in.keywords().length() > 1000 || in.legalBasis().length() > 500 || in.spatial().length() > 300 || in.identifier().length() > 200) {
            faults.add(Refusal.Fault.of("keywords", "opendata.error.tooLong"));
        }
        if (!faults.isEmpty()) {
            throw Refusal.all(faults);
        }
    }

    /** What an upload came to: the check's report and, when it passed, the version saved. */
    public record Uploaded(UploadCheck.Report report, @Nullable DatasetResource resource, @Nullable Version version) {}

    /**
     * Uploads a file as a new version of a resource of the dataset (a new resource when none is
     * given). The file is checked first: with any fault the report comes back and nothing is saved.
     */
    @Transactional
    public Uploaded upload(String datasetName, @Nullable Long resourceId, String fileName, byte[] content) {
        Dataset d = datasets.findByName(datasetName).orElseThrow(Register::notFound);
        requireEditor(d);
        if (d.getOrigin() == Dataset.Origin.GENERATED) {
            throw Refusal.of("opendata.error.generated");
        }
        if (content.length > MAX_BYTES) {
            throw Refusal.field("file", "opendata.error.tooLarge", String.valueOf(MAX_BYTES / 1024 / 1024));
        }
        DatasetResource existing = resourceId == null ? null
                : resources.findById(resourceId).filter(r -> r.getDatasetId() == d.getId() && r.isUploaded()).orElseThrow(Register::notFound);
        Format format = Format.ofName(fileName).orElseThrow(() -> Refusal.field("file", "opendata.error.format"));
        if (existing != null && existing.getFormat() != format) {
            throw Refusal.field("file", "opendata.error.formatChanged", existing.getFormat().name());
        }
        UploadCheck.Report report = UploadCheck.check(format, content);
        if (!report.ok()) {
            return new Uploaded(report, null, null);
        }
        Instant now = clock.instant();
        DatasetResource r = existing;
        if (r == null) {
            int position = resources.findByDatasetIdOrderByPosition(d.getId()).size();
            r = resources.save(new DatasetResource(d.getId(), position, baseName(fileName), format, null, null, now));
        }
        Version v = newVersion(r, content, now);
        Attachment a = attachments.storeGenerated(new Attachments.Owner(MODULE, "version", v.getId()), safeFileName(fileName, format),
                format.mediaType(), content, now);
        v.storedAs(a.getId());
        d.updated(now);
        audit.record("opendata.upload", "opendata_resource", r.getId(), d.getName() + " v" + v.getNumber());
        return new Uploaded(report, r, v);
    }

    private Version newVersion(DatasetResource r, byte[] content, Instant at) {
        int number = versions.findByResourceIdOrderByNumberDesc(r.getId()).stream().findFirst().map(Version::getNumber).orElse(0) + 1;
        String sha = sha256(content);
        Version v = versions.save(new Version(r.getId(), number, content.length, sha, at));
        r.versioned(content.length, sha, at);
        return v;
    }

    /**
     * Records the bytes of a generated resource fetched now: a new version when they differ from the
     * last one (size, checksum, time; the bytes stay with the module that made them), else nothing.
     */
    @Transactional
    public boolean recordGenerated(long resourceId, byte[] content, Instant at) {
        DatasetResource r = resources.findById(resourceId).orElseThrow(Register::notFound);
        if (sha256(content).equals(r.getSha256())) {
            return false;
        }
        newVersion(r, content, at);
        datasets.findById(r.getDatasetId()).ifPresent(d -> d.updated(at));
        return true;
    }

    /** Adds a link to a file published elsewhere as a resource. */
    @Transactional
    public DatasetResource addLink(String datasetName, String name, String url) {
        Dataset d = datasets.findByName(datasetName).orElseThrow(Register::notFound);
        requireEditor(d);
        if (!url.startsWith("https://") && !url.startsWith("http://") || url.length() > 1000) {
            throw Refusal.field("url", "opendata.error.url");
        }
        Format format = Format.ofName(url).orElseThrow(() -> Refusal.field("url", "opendata.error.format"));
        Instant now = clock.instant();
        int position = resources.findByDatasetIdOrderByPosition(d.getId()).size();
        DatasetResource r = resources.save(new DatasetResource(d.getId(), position, name.isBlank() ? baseName(url) : name.strip(), format, url, null, now));
        d.updated(now);
        audit.record("opendata.link", "opendata_resource", r.getId(), url);
        return r;
    }

    @Transactional
    public void withdraw(String name) {
        access.require(Role.COMMUNITY_ADMIN);
        Dataset d = datasets.findByName(name).orElseThrow(Register::notFound);
        if (d.getStatus() == Dataset.Status.WITHDRAWN) {
            throw Refusal.conflict("opendata.error.withdrawn");
        }
        d.withdraw(clock.instant());
        audit.record("opendata.withdraw", "opendata_dataset", d.getId(), d.getName());
    }

    @Transactional
    public void publishAgain(String name) {
        access.require(Role.COMMUNITY_ADMIN);
        Dataset d = datasets.findByName(name).orElseThrow(Register::notFound);
        if (d.getStatus() != Dataset.Status.WITHDRAWN) {
            throw Refusal.conflict("opendata.error.notWithdrawn");
        }
        if (resources.findByDatasetIdOrderByPosition(d.getId()).isEmpty()) {
            throw Refusal.of("opendata.error.noResources");
        }
        d.publishAgain(clock.instant());
        audit.record("opendata.publish", "opendata_dataset", d.getId(), d.getName());
    }

    /** A public resource of a published dataset. */
    @Transactional(readOnly = true)
    public Optional<DatasetResource> publicResource(String datasetName, long resourceId) {
        return datasets.findByName(datasetName).filter(Dataset::isPublic)
                .flatMap(d -> resources.findById(resourceId).filter(r -> r.getDatasetId() == d.getId()));
    }

    /** The stored file of an uploaded resource's latest version. */
    @Transactional(readOnly = true)
    public Optional<Attachment> latestFile(DatasetResource r) {
        return versions.findByResourceIdOrderByNumberDesc(r.getId()).stream().findFirst()
                .flatMap(v -> v.getAttachmentId() == null ? Optional.empty()
                        : attachments.find(List.of(new Attachments.Owner(MODULE, "version", v.getId())), v.getAttachmentId()));
    }

    /** The first rows of an uploaded CSV resource's latest version (header first); empty when there is none. */
    @Transactional(readOnly = true)
    public List<List<String>> preview(DatasetResource r) {
        if (r.getFormat() != Format.CSV || !r.isUploaded()) {
            return List.of();
        }
        return latestFile(r).map(a -> {
            try (InputStream in = attachments.open(a)) {
                return UploadCheck.preview(in.readNBytes((int) Math.min(a.getSize(), MAX_BYTES)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(List.of());
    }

    /** Counts a download (one statement, so parallel downloads all count). */
    public void counted(DatasetResource r) {
        jdbc.update("update opendata_resource set downloads = downloads + 1 where id = ? and community_id = ?", r.getId(),
                CurrentCommunity.require().id());
    }

    // ---- the template

    /**
     * Loads the Resolution 835 list into the register: every entry not there yet (by name, or a generated
     * one by its module), planned, with its department found by words. Entries already there are left as
     * the coordinator keeps them, so loading again, or after the list has grown, only adds what is missing.
     */
    @Transactional
    public int loadTemplate() {
        access.require(Role.COMMUNITY_ADMIN);
        return loadTemplateAsSetup();
    }

    /** The same at setup (the demo, a new community), without a signed-in coordinator. */
    @Transactional
    public int loadTemplateAsSetup() {
        return load(Resolution835.ENTRIES);
    }

    /** Adds the entries of a list that the register does not hold yet; returns how many were added. */
    @Transactional
    public int load(List<Resolution835.Entry> entries) {
        Instant now = clock.instant();
        List<Department> departments = communities.departments();
        int added = 0;
        for (Resolution835.Entry e : entries) {
            if (datasets.findByName(e.name()).isPresent() || (e.module() != null && datasets.findBySourceModule(e.module()).isPresent())) {
                continue;
            }
            Dataset d = new Dataset(e.name(), e.module() == null ? Dataset.Origin.RESOLUTION : Dataset.Origin.GENERATED, now);
            Department dept = departments.stream()
                    .filter(x -> x.nameUk().toLowerCase(Locale.ROOT).contains(e.departmentWords().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
            d.describe(e.titleUk(), e.titleEn(), e.titleUk() + ".", e.titleEn() + ".", e.keywords(), e.theme(), e.legalBasis(),
                    Licence.CC_BY_4_0, e.frequency(), dept == null ? null : dept.id(), dept == null ? null : dept.email(), null, null,
                    CurrentCommunity.require().nameUk(), e.name(), now);
            if (e.module() != null) {
                d.generatedBy(e.module());
            }
            datasets.save(d);
            added++;
        }
        return added;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("dataset");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String baseName(String name) {
        String n = name;
        int q = n.indexOf('?');
        if (q >= 0) {
            n = n.substring(0, q);
        }
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).strip();
    }

    private static String safeFileName(String name, Format format) {
        String base = baseName(name).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
        return (base.isBlank() ? "data" : base) + "." + format.name().toLowerCase(Locale.ROOT);
    }

    static InputStream stream(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
