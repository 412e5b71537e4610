package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.opendata.domain.Dcat;
import ua.viche.opendata.domain.DueReminders;
import ua.viche.opendata.domain.Format;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.GeneratedDatasets;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * The portal's interfaces as machines use them: a CKAN harvester paging through more than a hundred
 * datasets and harvesting again by modification time, {@code package_show}'s fields and types, the
 * DCAT-AP catalogue parsed back and checked against the standard's mandatory properties and against
 * the API, uploads that are refused whole, generated datasets equal to the modules' exports (every
 * export of every module, byte for byte) and previewed from them, and one community never seeing
 * another's datasets.
 */
@IntegrationTest
class OpendataApiTest {

    private static final String ADMIN = "admin@dmytrivka.demo";
    private static final String CKAN_DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @Autowired MockMvc mvc;
    @LocalServerPort int port;
    @Autowired Register register;
    @Autowired GeneratedDatasets generated;
    @Autowired DueReminders reminders;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    Community dmytrivka;
    Community kropyvnytskyi;

    @BeforeEach
    void setUp() {
        dmytrivka = communities.bySlug("dmytrivka").orElseThrow();
        kropyvnytskyi = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(dmytrivka, () -> identity.callAs(ADMIN, () -> {
            Set<String> existing = new HashSet<>();
            register.all().forEach(e -> existing.add(e.dataset().getName()));
            for (int i = 0; i < 110; i++) {
                String name = "harvest-" + i;
                if (existing.contains(name)) {
                    continue;
                }
                register.create(input(name, "Тестовий набір для збирання " + i));
                register.upload(name, null, "data.csv", ("n,value\n" + i + ",значення " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }));
    }

    private static Register.Input input(String name, String title) {
        return new Register.Input(name, title, "Harvest test " + name, "Опис набору " + name, "", "тест, збирання", Theme.GOVE, "",
                Licence.CC_BY_4_0, Frequency.MONTHLY, null, "test@dmytrivka.demo", null, null, "Дмитрівка", name);
    }

    private Map<String, Object> ckan(String slug, String action, String... params) throws Exception {
        var request = get("/" + slug + "/api/3/action/" + action);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        MvcResult r = mvc.perform(request).andReturn();
        return JsonPath.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).read("$");
    }

    @Test
    void aHarvesterPagesThroughEveryDatasetWithNothingSkippedOrRepeated() throws Exception {
        List<String> names = JsonPath.read(mvc.perform(get("/dmytrivka/api/3/action/package_list")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.result");
        assertThat(names.size()).isGreaterThan(100);
        List<String> seen = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        int count = -1;
        for (int start = 0; start < 1000; start += 100) {
            Map<String, Object> page = ckan("dmytrivka", "package_search", "rows", "100", "start", String.valueOf(start), "sort", "id asc", "q", "*:*");
            assertThat(page.get("success")).isEqualTo(true);
            @SuppressWarnings("unchecked") Map<String, Object> result = (Map<String, Object>) page.get("result");
            count = (Integer) result.get("count");
            @SuppressWarnings("unchecked") List<Map<String, Object>> results = (List<Map<String, Object>>) result.get("results");
            results.forEach(p -> {
                seen.add((String) p.get("id"));
                seenNames.add((String) p.get("name"));
            });
            if (results.size() < 100) {
                break;
            }
        }
        assertThat(seen).as("nothing repeated").doesNotHaveDuplicates();
        assertThat(seen).as("sorted by id").isSorted();
        assertThat(seen).hasSize(count);
        assertThat(seenNames).as("nothing skipped").containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void anIncrementalHarvestGetsWhatChangedSinceTheLastOne() throws Exception {
        String since = DateTimeFormatter.ISO_INSTANT.format(Instant.now().minusMillis(1));
        Thread.sleep(5);
        CurrentCommunity.runAs(dmytrivka, () -> identity.callAs(ADMIN, () -> register.update("harvest-7",
                input("harvest-7", "Набір, змінений після збирання"))));
        Map<String, Object> page = ckan("dmytrivka", "package_search", "fq", "metadata_modified:[" + since + " TO NOW]",
                "sort", "metadata_modified desc", "rows", "100");
        List<String> changed = JsonPath.read(page, "$.result.results[*].name");
        assertThat(changed).containsExactly("harvest-7");
        Map<String, Object> none = ckan("dmytrivka", "package_search", "fq", "metadata_modified:[NOW TO *]");
        assertThat((Integer) JsonPath.read(none, "$.result.count")).isZero();
        Map<String, Object> bad = ckan("dmytrivka", "package_search", "fq", "metadata_modified:[yesterday TO NOW]");
        assertThat(bad.get("success")).isEqualTo(false);
        assertThat((String) JsonPath.read(bad, "$.error.__type")).isEqualTo("Search Query Error");
    }

    @Test
    void packageShowHasCkansFieldNamesAndTypesByIdOrName() throws Exception {
        Map<String, Object> byName = ckan("dmytrivka", "package_show", "id", "harvest-3");
        assertThat(byName.get("success")).isEqualTo(true);
        assertThat((String) byName.get("help")).endsWith("/dmytrivka/api/3/action/help_show?name=package_show");
        @SuppressWarnings("unchecked") Map<String, Object> p = (Map<String, Object>) byName.get("result");
        assertThat(p.get("id")).isInstanceOf(String.class);
        assertThat((String) p.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(p).containsEntry("name", "harvest-3").containsEntry("type", "dataset").containsEntry("state", "active")
                .containsEntry("private", false).containsEntry("isopen", true).containsEntry("license_id", "CC-BY-4.0")
                .containsEntry("num_resources", 1).containsEntry("num_tags", 2).containsKeys("title", "notes", "url", "maintainer",
                        "maintainer_email", "author", "author_email", "license_title", "license_url", "owner_org", "version", "extras",
                        "relationships_as_object", "relationships_as_subject", "groups");
        assertThat((String) p.get("metadata_created")).matches(CKAN_DATE);
        assertThat((String) p.get("metadata_modified")).matches(CKAN_DATE);
        assertThat((String) JsonPath.read(p, "$.organization.name")).isEqualTo("dmytrivka");
        assertThat((Boolean) JsonPath.read(p, "$.organization.is_organization")).isTrue();
        assertThat((List<String>) JsonPath.read(p, "$.tags[*].name")).containsExactlyInAnyOrder("тест", "збирання");
        assertThat((String) JsonPath.read(p, "$.groups[0].name")).isEqualTo("gove");
        Map<String, Object> resource = JsonPath.read(p, "$.resources[0]");
        assertThat(resource).containsEntry("format", "CSV").containsEntry("mimetype", "text/csv").containsEntry("package_id", p.get("id"))
                .containsEntry("position", 0).containsEntry("state", "active").containsEntry("url_type", "upload");
        assertThat(resource.get("size")).isInstanceOf(Integer.class);
        assertThat((String) resource.get("hash")).matches("[0-9a-f]{64}");
        assertThat((String) resource.get("last_modified")).matches(CKAN_DATE);
        assertThat((String) resource.get("url")).contains("/dmytrivka/opendata/harvest-3/resources/");

        Map<String, Object> byId = ckan("dmytrivka", "package_show", "id", (String) p.get("id"));
        assertThat((String) JsonPath.read(byId, "$.result.name")).isEqualTo("harvest-3");
        Map<String, Object> res = ckan("dmytrivka", "resource_show", "id", (String) resource.get("id"));
        assertThat((String) JsonPath.read(res, "$.result.package_id")).isEqualTo(p.get("id"));

        MvcResult missing = mvc.perform(get("/dmytrivka/api/3/action/package_show").param("id", "no-such-dataset")).andReturn();
        assertThat(missing.getResponse().getStatus()).isEqualTo(404);
        assertThat((Boolean) JsonPath.read(missing.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.success")).isFalse();
        assertThat((String) JsonPath.read(missing.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.error.__type")).isEqualTo("Not Found Error");
        assertThat(mvc.perform(get("/dmytrivka/api/3/action/package_show")).andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(get("/dmytrivka/api/3/action/package_delete")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void onAHostMappedToTheCommunityTheActionApiAnswersAtTheHostsRoot() throws Exception {
        String host = "data.dmytrivka.test";
        RequestPostProcessor onHost = r -> {
            r.setServerName(host);
            return r;
        };
        String byPath = mvc.perform(get("/dmytrivka/api/3/action/package_list")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        setHost(dmytrivka, host);
        try {
            String mapped = mvc.perform(get("/api/3/action/package_list").with(onHost)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat((List<String>) JsonPath.read(mapped, "$.result")).isEqualTo(JsonPath.read(byPath, "$.result"));
            String shortForm = mvc.perform(get("/api/action/package_show").param("id", "harvest-5").with(onHost)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(shortForm, "$.result.name")).isEqualTo("harvest-5");
            String posted = mvc.perform(post("/api/3/action/package_search").with(onHost).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"q\":\"збирання\",\"rows\":3}")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat((Integer) JsonPath.read(posted, "$.result.count")).isGreaterThan(100);
            assertThat((String) JsonPath.read(posted, "$.result.results[0].organization.name")).isEqualTo("dmytrivka");
            // the platform's own API stays the platform's on the mapped host
            mvc.perform(get("/api/v1/communities").with(onHost)).andExpect(status().isOk());
            mvc.perform(get("/api/v1/dmytrivka/opendata/datasets").with(onHost)).andExpect(status().isOk());
        } finally {
            setHost(dmytrivka, "");
        }
        // and on any other host the root API is no community's
        assertThat(mvc.perform(get("/api/3/action/package_list")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** Maps a host to the community as the platform admin's form does (empty: none), and reloads the communities. */
    private void setHost(Community c, String host) {
        jdbc.update("update community set host = ? where id = ?", host.isEmpty() ? null : host, c.id());
        communities.reload();
    }

    @Test
    void postWithAJsonBodyWorksWithoutASessionOrCsrfToken() throws Exception {
        MvcResult r = mvc.perform(post("/dmytrivka/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\":\"збирання\",\"rows\":5,\"start\":0,\"sort\":\"name asc\",\"facet.field\":[\"tags\",\"res_format\",\"groups\"]}"))
                .andExpect(status().isOk()).andReturn();
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(body, "$.result.count")).isGreaterThan(100);
        assertThat((List<?>) JsonPath.read(body, "$.result.results")).hasSize(5);
        assertThat((Integer) JsonPath.read(body, "$.result.facets.res_format.CSV")).isGreaterThan(100);
        assertThat((String) JsonPath.read(body, "$.result.search_facets.groups.items[0].name")).isEqualTo("gove");
        for (String action : List.of("status_show", "site_read", "organization_list", "group_list", "tag_list", "current_package_list_with_resources")) {
            assertThat(ckan("dmytrivka", action).get("success")).as(action).isEqualTo(true);
        }
        assertThat((String) JsonPath.read(ckan("dmytrivka", "organization_show", "id", "dmytrivka"), "$.result.name")).isEqualTo("dmytrivka");
    }

    @Test
    void theDcatCatalogueHasEveryApiDatasetWithTheMandatoryPropertiesAndNothingElse() throws Exception {
        byte[] ttl = mvc.perform(get("/dmytrivka/catalog.ttl")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(ttl), Lang.TURTLE);
        Property title = m.createProperty(Dcat.DCT, "title");
        Property description = m.createProperty(Dcat.DCT, "description");
        Resource catalogue = m.listSubjectsWithProperty(RDF.type, m.createResource(Dcat.DCAT + "Catalog")).next();
        for (String p : List.of("title", "description", "publisher")) {
            assertThat(catalogue.hasProperty(m.createProperty(Dcat.DCT, p))).as("catalogue " + p).isTrue();
        }
        assertThat(catalogue.hasProperty(m.createProperty(Dcat.FOAF, "homepage"))).isTrue();
        // the recommended properties of the catalogue, controlled vocabularies by their EU URIs
        for (String p : List.of("language", "license", "spatial", "issued", "modified")) {
            assertThat(catalogue.hasProperty(m.createProperty(Dcat.DCT, p))).as("catalogue " + p).isTrue();
        }
        assertThat(catalogue.getPropertyResourceValue(m.createProperty(Dcat.DCAT, "themeTaxonomy")).getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/data-theme");
        assertThat(catalogue.getPropertyResourceValue(m.createProperty(Dcat.DCT, "language")).getURI())
                .isEqualTo("http://publications.europa.eu/resource/authority/language/UKR");
        Resource publisher = catalogue.getPropertyResourceValue(m.createProperty(Dcat.DCT, "publisher"));
        assertThat(publisher.hasProperty(m.createProperty(Dcat.FOAF, "name"))).as("the agent's mandatory name").isTrue();
        Set<String> inCatalogue = new HashSet<>();
        m.listSubjectsWithProperty(RDF.type, m.createResource(Dcat.DCAT + "Dataset")).forEach(d -> {
            assertThat(d.hasProperty(title) && d.hasProperty(description)).as("mandatory: " + d).isTrue();
            for (String p : List.of("publisher", "spatial", "temporal")) {
                assertThat(d.hasProperty(m.createProperty(Dcat.DCT, p))).as(p + " of " + d).isTrue();
            }
            for (String p : List.of("contactPoint", "distribution", "keyword", "theme")) {
                assertThat(d.hasProperty(m.createProperty(Dcat.DCAT, p))).as(p + " of " + d).isTrue();
            }
            assertThat(catalogue.hasProperty(m.createProperty(Dcat.DCAT, "dataset"), d)).isTrue();
            assertThat(d.getPropertyResourceValue(m.createProperty(Dcat.DCAT, "theme")).getURI())
                    .startsWith("http://publications.europa.eu/resource/authority/data-theme/");
            assertThat(d.getPropertyResourceValue(m.createProperty(Dcat.DCT, "accrualPeriodicity")).getURI())
                    .startsWith("http://publications.europa.eu/resource/authority/frequency/");
            Resource period = d.getPropertyResourceValue(m.createProperty(Dcat.DCT, "temporal"));
            assertThat(period.hasProperty(m.createProperty(Dcat.DCAT, "startDate")) && period.hasProperty(m.createProperty(Dcat.DCAT, "endDate")))
                    .as("the period of " + d).isTrue();
            inCatalogue.add(d.getURI().substring(d.getURI().lastIndexOf('/') + 1));
        });
        m.listSubjectsWithProperty(RDF.type, m.createResource(Dcat.DCAT + "Distribution")).forEach(d -> {
            assertThat(d.hasProperty(m.createProperty(Dcat.DCAT, "accessURL"))).as("accessURL of " + d).isTrue();
            for (String p : List.of("format", "license", "description")) {
                assertThat(d.hasProperty(m.createProperty(Dcat.DCT, p))).as(p + " of " + d).isTrue();
            }
            assertThat(d.hasProperty(m.createProperty(Dcat.DCATAP, "availability"))).isTrue();
            assertThat(d.getPropertyResourceValue(m.createProperty(Dcat.DCT, "format")).getURI())
                    .startsWith("http://publications.europa.eu/resource/authority/file-type/");
            Resource licence = d.getPropertyResourceValue(m.createProperty(Dcat.DCT, "license"));
            assertThat(licence.getURI()).startsWith("http://publications.europa.eu/resource/authority/licence/");
            assertThat(licence.getPropertyResourceValue(m.createProperty(Dcat.DCT, "type")).getURI()).startsWith("http://purl.org/adms/licencetype/");
            assertThat(d.getPropertyResourceValue(m.createProperty(Dcat.DCATAP, "availability")).getURI())
                    .startsWith("http://publications.europa.eu/resource/authority/planned-availability/");
        });
        List<String> names = JsonPath.read(mvc.perform(get("/dmytrivka/api/3/action/package_list")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.result");
        assertThat(inCatalogue).containsExactlyInAnyOrderElementsOf(names);

        for (String[] syntax : List.of(new String[] {"/dmytrivka/catalog.jsonld", "JSONLD"}, new String[] {"/dmytrivka/catalog.rdf", "RDFXML"})) {
            Model other = ModelFactory.createDefaultModel();
            RDFDataMgr.read(other, new ByteArrayInputStream(mvc.perform(get(syntax[0])).andReturn().getResponse().getContentAsByteArray()),
                    syntax[1].equals("JSONLD") ? Lang.JSONLD : Lang.RDFXML);
            assertThat(other.isIsomorphicWith(m)).as(syntax[0]).isTrue();
        }
        MvcResult negotiated = mvc.perform(get("/dmytrivka/catalog").accept("application/ld+json")).andReturn();
        assertThat(negotiated.getResponse().getContentType()).startsWith("application/ld+json");
        assertThat(mvc.perform(get("/dmytrivka/catalog").accept("application/rdf+xml;q=0.9, text/turtle;q=0.5")).andReturn()
                .getResponse().getContentType()).startsWith("application/rdf+xml");
    }

    @Test
    void aBadUploadIsRefusedWithItsReportAndNothingIsSaved() {
        CurrentCommunity.runAs(dmytrivka, () -> identity.callAs(ADMIN, () -> {
            long resources = count("opendata_resource");
            long versions = count("opendata_version");
            long attachments = jdbc.queryForObject("select count(*) from attachment where owner_module = 'opendata'", Long.class);
            Map<String, byte[]> bad = Map.of(
                    "cp1251.csv", "a,b\n1,Київ\n".getBytes(Charset.forName("windows-1251")),
                    "ragged.csv", "a,b\n1\n".getBytes(StandardCharsets.UTF_8),
                    "formula.csv", "a,b\n=HYPERLINK(\"http://x\"),1\n".getBytes(StandardCharsets.UTF_8),
                    "image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d});
            bad.forEach((file, bytes) -> {
                Register.Uploaded u = register.upload("harvest-5", null, file, bytes);
                assertThat(u.report().ok()).as(file).isFalse();
                assertThat(u.version()).isNull();
            });
            assertThat(count("opendata_resource")).isEqualTo(resources);
            assertThat(count("opendata_version")).isEqualTo(versions);
            assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'opendata'", Long.class)).isEqualTo(attachments);
            return null;
        }));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void generatedDatasetsAreTheModulesOwnExports() throws Exception {
        CurrentCommunity.runAs(kropyvnytskyi, () -> generated.refresh());
        byte[] export = mvc.perform(get("/kropyvnytskyi/cnap/export.csv")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(export));
        Map<String, Object> p = ckan("kropyvnytskyi", "package_show", "id", "administrative-services");
        List<String> hashes = JsonPath.read(p, "$.result.resources[?(@.format == 'CSV')].hash");
        assertThat(hashes).containsExactly(sha);
        List<Integer> sizes = JsonPath.read(p, "$.result.resources[?(@.format == 'CSV')].size");
        assertThat(sizes).containsExactly(export.length);
        assertThat(jdbc.queryForObject("select count(*) from opendata_version v join opendata_resource r on r.id = v.resource_id"
                + " where r.export_path = 'cnap/export.csv' and r.community_id = ?", Long.class, kropyvnytskyi.id())).isGreaterThanOrEqualTo(1L);
    }

    /** What a visitor gets over HTTP from the running application, as the portal fetches an export. */
    private byte[] served(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "uk").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyExportOfEveryModuleIsAGeneratedResourceEqualToWhatTheModuleServes() throws Exception {
        CurrentCommunity.runAs(kropyvnytskyi, () -> generated.refresh());
        Map<String, Map<String, String>> exports = CurrentCommunity.callAs(kropyvnytskyi, () -> generated.exports());
        // what the issue names: petitions, appeal statistics, problem reports, budget projects and results, CNAP services and
        // offices, map layers, programme indicators, archive fonds
        assertThat(exports).containsKeys("petitions", "appeals", "problems", "budget", "queue", "geo", "monitoring", "archive");
        assertThat(exports.get("queue")).containsValues("cnap/export.csv", "cnap/offices.geojson");
        assertThat(exports.get("budget").values()).anyMatch(p -> p.matches("budget/cycles/\\d+/projects\\.csv"))
                .anyMatch(p -> p.matches("budget/cycles/\\d+/results\\.csv"));
        assertThat(exports.get("geo").values()).anyMatch(p -> p.matches("map/[a-z0-9-]+/export\\.geojson"));
        int compared = 0;
        for (Map.Entry<String, Map<String, String>> module : exports.entrySet()) {
            String dataset = jdbc.queryForObject("select name from opendata_dataset where community_id = ? and source_module = ?", String.class,
                    kropyvnytskyi.id(), module.getKey());
            Map<String, Object> p = ckan("kropyvnytskyi", "package_show", "id", dataset);
            assertThat(p.get("success")).as(dataset).isEqualTo(true);
            for (String path : module.getValue().values()) {
                if (Format.ofName(path).isEmpty()) {
                    continue; // not a format of the portal (the events' calendar): no resource
                }
                byte[] served = served("/kropyvnytskyi/" + path);
                List<Map<String, Object>> resources = JsonPath.read(p, "$.result.resources");
                Map<String, Object> resource = jdbc.queryForList("select uuid::text as uuid from opendata_resource where community_id = ? and export_path = ?",
                        kropyvnytskyi.id(), path).stream().findFirst().map(row -> resources.stream()
                        .filter(x -> x.get("id").equals(row.get("uuid"))).findFirst().orElseThrow()).orElseThrow(() -> new AssertionError(path));
                assertThat((String) resource.get("hash")).as(path).matches("[0-9a-f]{64}");
                if (path.endsWith(".xlsx")) {
                    continue; // a spreadsheet is written anew with its time of writing: a version, but not the same bytes twice
                }
                assertThat(resource.get("hash")).as(path).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served)));
                assertThat(((Number) resource.get("size")).longValue()).as(path).isEqualTo(served.length);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(15);

        // a generated CSV is previewed on its dataset's page, as its module serves it
        String page = mvc.perform(get("/kropyvnytskyi/opendata/administrative-services")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document doc = Jsoup.parse(page);
        assertThat(doc.select("#preview thead th").eachText()).containsExactly("code", "name_uk", "name_en", "category_uk", "category_en",
                "description", "documents", "cost", "duration_minutes", "office_ids");
        assertThat(doc.select("#preview tbody tr")).isNotEmpty();
    }

    @Test
    void oneCommunityNeverSeesAnothersDatasets() throws Exception {
        List<String> k = JsonPath.read(mvc.perform(get("/kropyvnytskyi/api/3/action/package_list")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.result");
        assertThat(k).noneMatch(n -> n.startsWith("harvest-"));
        String dId = JsonPath.read(ckan("dmytrivka", "package_show", "id", "harvest-1"), "$.result.id");
        String rId = JsonPath.read(ckan("dmytrivka", "package_show", "id", "harvest-1"), "$.result.resources[0].id");
        assertThat(mvc.perform(get("/kropyvnytskyi/api/3/action/package_show").param("id", dId)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/kropyvnytskyi/api/3/action/resource_show").param("id", rId)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/kropyvnytskyi/opendata/harvest-1")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/kropyvnytskyi/opendata/datasets/harvest-1")).andReturn().getResponse().getStatus()).isEqualTo(404);
        String ttl = mvc.perform(get("/kropyvnytskyi/catalog.ttl")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ttl).doesNotContain("harvest-1").contains("/kropyvnytskyi/opendata/");
        String json = mvc.perform(get("/api/v1/kropyvnytskyi/opendata/datasets")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(json, "$.datasets[*].name")).noneMatch(n -> n.startsWith("harvest-"));
        long dResource = CurrentCommunity.callAs(dmytrivka, () -> register.publicEntry("harvest-1").orElseThrow().resources().get(0).getId());
        assertThat(mvc.perform(get("/kropyvnytskyi/opendata/harvest-1/resources/" + dResource + "/download")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get("/dmytrivka/opendata/harvest-1/resources/" + dResource + "/download")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }

    @Test
    void aDatasetPastItsFrequencyIsOverdueEverywhereAndItsDepartmentIsRemindedOnce() throws Exception {
        String name = "overdue-" + System.nanoTime();
        CurrentCommunity.runAs(dmytrivka, () -> identity.callAs(ADMIN, () -> {
            register.create(new Register.Input(name, "Прострочений набір", "Overdue set", "Опис", "", "тест", Theme.GOVE, "",
                    Licence.CC_BY_4_0, Frequency.MONTHLY, null, name + "@dmytrivka.demo", null, null, "", name));
            return register.upload(name, null, "d.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }));
        jdbc.update("update opendata_dataset set updated_at = now() - interval '40 days', issued_at = now() - interval '40 days'"
                + " where community_id = ? and name = ?", dmytrivka.id(), name);
        String extras = mvc.perform(get("/dmytrivka/api/3/action/package_show").param("id", name)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) JsonPath.read(extras, "$.result.extras[?(@.key == 'update_status')].value")).containsExactly("overdue");
        String json = mvc.perform(get("/api/v1/dmytrivka/opendata/datasets/" + name)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("overdue");
        CurrentCommunity.runAs(dmytrivka, () -> reminders.remindDue());
        CurrentCommunity.runAs(dmytrivka, () -> reminders.remindDue());
        assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ?", Long.class, name + "@dmytrivka.demo"))
                .as("one reminder").isEqualTo(1L);
    }
}
