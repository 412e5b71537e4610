package ua.viche.opendata.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.DatasetResource;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Community;
import ua.viche.platform.VicheSettings;

/**
 * The register as CKAN 2.x shows it: package, resource, tag, organization and group dictionaries
 * with CKAN's field names and types, and its dates ({@code 2026-12-07T10:58:01.123456}, UTC without
 * a zone). Ids are stored UUIDs (datasets, resources) or derived from stable names (the community's
 * organization, themes as groups, tags), so they stay the same across restarts.
 */
@Component
class CkanDicts {

    static final DateTimeFormatter CKAN_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    static final Locale UK = Locale.forLanguageTag("uk");

    private final VicheSettings settings;
    private final MessageSource messages;

    CkanDicts(VicheSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    static String date(@Nullable Instant at) {
        return at == null ? "" : CKAN_DATE.format(at);
    }

    static UUID organizationId(Community c) {
        return UUID.nameUUIDFromBytes(("viche:organization:" + c.slug()).getBytes(StandardCharsets.UTF_8));
    }

    static UUID groupId(Community c, Theme t) {
        return UUID.nameUUIDFromBytes(("viche:group:" + c.slug() + ":" + t.name()).getBytes(StandardCharsets.UTF_8));
    }

    static UUID tagId(String tag) {
        return UUID.nameUUIDFromBytes(("viche:tag:" + tag).getBytes(StandardCharsets.UTF_8));
    }

    String siteUrl(Community c) {
        return settings.absolute("/" + c.slug());
    }

    Map<String, Object> organization(Community c, int packageCount) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", organizationId(c).toString());
        o.put("name", c.slug());
        o.put("title", c.nameUk());
        o.put("display_name", c.nameUk());
        o.put("description", c.nameEn());
        o.put("type", "organization");
        o.put("is_organization", true);
        o.put("state", "active");
        o.put("approval_status", "approved");
        o.put("image_url", "");
        o.put("image_display_url", "");
        o.put("created", "");
        o.put("package_count", packageCount);
        return o;
    }

    String themeTitle(Theme t) {
        return messages.getMessage("opendata.theme." + t.name(), null, UK);
    }

    Map<String, Object> group(Community c, Theme t, int packageCount) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", groupId(c, t).toString());
        g.put("name", t.groupName());
        g.put("title", themeTitle(t));
        g.put("display_name", themeTitle(t));
        g.put("description", t.uri());
        g.put("type", "group");
        g.put("is_organization", false);
        g.put("state", "active");
        g.put("approval_status", "approved");
        g.put("image_url", "");
        g.put("image_display_url", "");
        g.put("package_count", packageCount);
        return g;
    }

    Map<String, Object> tag(String name) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", tagId(name).toString());
        t.put("name", name);
        t.put("display_name", name);
        t.put("state", "active");
        t.put("vocabulary_id", null);
        return t;
    }

    String resourceUrl(Community c, Dataset d, DatasetResource r) {
        return settings.absolute("/" + c.slug() + "/opendata/" + d.getName() + "/resources/" + r.getId() + "/download");
    }

    Map<String, Object> resource(Community c, Dataset d, DatasetResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.getUuid().toString());
        m.put("package_id", d.getUuid().toString());
        m.put("name", r.getName());
        m.put("description", r.getDescription());
        m.put("format", r.getFormat().name());
        m.put("mimetype", r.getMediaType());
        m.put("mimetype_inner", null);
        m.put("url", resourceUrl(c, d, r));
        m.put("url_type", r.isUploaded() ? "upload" : null);
        m.put("size", r.getSizeBytes());
        m.put("hash", r.getSha256() == null ? "" : r.getSha256());
        m.put("created", date(r.getCreatedAt()));
        m.put("last_modified", date(r.getModifiedAt()));
        m.put("metadata_modified", date(r.getModifiedAt()));
        m.put("position", r.getPosition());
        m.put("state", "active");
        m.put("resource_type", null);
        m.put("cache_url", null);
        m.put("datastore_active", false);
        return m;
    }

    Map<String, Object> pkg(Community c, Register.Entry e) {
        Dataset d = e.dataset();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.getUuid().toString());
        m.put("name", d.getName());
        m.put("title", d.getTitleUk());
        m.put("notes", d.getDescriptionUk());
        m.put("url", settings.absolute("/" + c.slug() + "/opendata/" + d.getName()));
        m.put("author", e.department() == null ? null : e.department().nameUk());
        m.put("author_email", d.getContactEmail());
        m.put("maintainer", e.department() == null ? null : e.department().nameUk());
        m.put("maintainer_email", d.getContactEmail());
        m.put("license_id", d.getLicence().id());
        m.put("license_title", d.getLicence().title());
        m.put("license_url", d.getLicence().url());
        m.put("isopen", true);
        m.put("metadata_created", date(d.getCreatedAt()));
        m.put("metadata_modified", date(d.getModifiedAt()));
        m.put("state", "active");
        m.put("private", false);
        m.put("type", "dataset");
        m.put("version", null);
        m.put("creator_user_id", null);
        m.put("owner_org", organizationId(c).toString());
        m.put("organization", organization(c, 0));
        List<Map<String, Object>> resources = e.resources().stream().map(r -> resource(c, d, r)).toList();
        m.put("num_resources", resources.size());
        List<String> keywords = d.keywordList();
        m.put("num_tags", keywords.size());
        m.put("tags", keywords.stream().map(this::tag).toList());
        m.put("groups", List.of(group(c, d.getTheme(), 0)));
        m.put("resources", resources);
        List<Map<String, Object>> extras = new ArrayList<>();
        extra(extras, "identifier", d.getIdentifier());
        extra(extras, "title_en", d.getTitleEn());
        extra(extras, "notes_en", d.getDescriptionEn());
        extra(extras, "theme", d.getTheme().uri());
        extra(extras, "frequency", d.getFrequency().uri());
        extra(extras, "legal_basis", d.getLegalBasis());
        extra(extras, "language", "uk");
        extra(extras, "spatial", d.getSpatial());
        extra(extras, "temporal_start", d.getTemporalFrom() == null ? "" : d.getTemporalFrom().toString());
        extra(extras, "temporal_end", d.getTemporalTo() == null ? "" : d.getTemporalTo().toString());
        extra(extras, "issued", date(d.getIssuedAt()));
        extra(extras, "update_status", e.status().name().toLowerCase(Locale.ROOT));
        extra(extras, "due", d.dueDay().map(Object::toString).orElse(""));
        m.put("extras", extras);
        m.put("relationships_as_object", List.of());
        m.put("relationships_as_subject", List.of());
        return m;
    }

    private static void extra(List<Map<String, Object>> extras, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", key);
            x.put("value", value);
            extras.add(x);
        }
    }
}
