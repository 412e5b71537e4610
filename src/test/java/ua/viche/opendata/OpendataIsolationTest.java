package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.opendata.domain.DatasetResource;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Register;
import ua.viche.opendata.domain.Theme;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * One community never reaches another's datasets, on every endpoint of the portal: each CKAN action,
 * the DCAT catalogue in every syntax, the portal's pages, downloads and JSON twin, the site search, and
 * the coordinator's pages (dashboard, form, upload, audit) for an admin of another community. Each
 * check has its positive twin in the dataset's own community, so that it could fail.
 */
@IntegrationTest
class OpendataIsolationTest {

    private static final String KROPYVNYTSKYI_ADMIN = "admin@kropyvnytskyi.demo";
    private static final String DMYTRIVKA_ADMIN = "admin@dmytrivka.demo";
    private static final Random RANDOM = new Random();

    @Autowired MockMvc mvc;
    @Autowired Register register;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    /** A published dataset of Kropyvnytskyi: its name, word, CKAN ids and resource. */
    private record Made(String name, String word, String id, String resourceUuid, long resourceId) {}

    private Made publishInKropyvnytskyi() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        // ten random letters: no two runs' words within the search's two typos of each other
        String word = RANDOM.ints(10, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String name = "isolation-" + word;
        return CurrentCommunity.callAs(k, () -> identity.callAs(KROPYVNYTSKYI_ADMIN, () -> {
            register.create(new Register.Input(name, "Зупинки таксі " + word, "Taxi stops " + word, "Місця стоянки таксі " + word, "",
                    "таксі, " + word, Theme.TRAN, "", Licence.CC_BY_4_0, Frequency.MONTHLY, null, "taxi@kropyvnytskyi.demo", null, null,
                    "Кропивницький", name));
            DatasetResource r = register.upload(name, null, "taxi.csv", ("id,place\n1,Вокзал " + word + "\n").getBytes(StandardCharsets.UTF_8))
                    .resource();
            return new Made(name, word, register.publicEntry(name).orElseThrow().dataset().getUuid().toString(), r.getUuid().toString(), r.getId());
        }));
    }

    private record Answer(int status, String body) {

        <T> T read(String path) {
            return JsonPath.read(body, path);
        }
    }

    private Answer call(RequestBuilder request) throws Exception {
        MvcResult r = mvc.perform(request).andReturn();
        return new Answer(r.getResponse().getStatus(), r.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Answer ckan(String slug, String action, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/" + slug + "/api/3/action/" + action);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return call(request);
    }

    @Test
    void everyCkanActionAnswersWithTheCommunitysOwnDatasetsOnly() throws Exception {
        Made m = publishInKropyvnytskyi();
        String orgId = ckan("kropyvnytskyi", "organization_show", "id", "kropyvnytskyi").read("$.result.id");

        // package_list, package_show (by name and id), resource_show
        assertThat((List<String>) ckan("kropyvnytskyi", "package_list").read("$.result")).contains(m.name());
        assertThat((List<String>) ckan("dmytrivka", "package_list").read("$.result")).doesNotContain(m.name());
        for (String id : List.of(m.name(), m.id())) {
            assertThat(ckan("kropyvnytskyi", "package_show", "id", id).status()).isEqualTo(200);
            Answer there = ckan("dmytrivka", "package_show", "id", id);
            assertThat(there.status()).isEqualTo(404);
            assertThat((String) there.read("$.error.__type")).isEqualTo("Not Found Error");
        }
        assertThat(ckan("kropyvnytskyi", "resource_show", "id", m.resourceUuid()).status()).isEqualTo(200);
        assertThat(ckan("dmytrivka", "resource_show", "id", m.resourceUuid()).status()).isEqualTo(404);

        // package_search by words, by name, by id, by organization; GET and POST
        for (String[] query : List.of(new String[] {"q", m.word()}, new String[] {"fq", "name:" + m.name()}, new String[] {"fq", "id:" + m.id()})) {
            assertThat((Integer) ckan("kropyvnytskyi", "package_search", query).read("$.result.count")).as(query[1]).isEqualTo(1);
            assertThat((Integer) ckan("dmytrivka", "package_search", query).read("$.result.count")).as(query[1]).isZero();
        }
        assertThat((Integer) ckan("dmytrivka", "package_search", "fq", "organization:kropyvnytskyi").read("$.result.count")).isZero();
        assertThat((Integer) ckan("dmytrivka", "package_search", "fq", "owner_org:" + orgId).read("$.result.count")).isZero();
        Answer posted = call(post("/dmytrivka/api/3/action/package_search").contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\":\"" + m.word() + "\",\"facet.field\":[\"organization\",\"tags\"]}"));
        assertThat((Integer) posted.read("$.result.count")).isZero();
        assertThat(posted.body()).doesNotContain(m.word());
        List<String> all = ckan("dmytrivka", "package_search", "rows", "1000", "facet.field", "[\"organization\"]").read("$.result.results[*].name");
        assertThat(all).doesNotContain(m.name()).isNotEmpty();
        assertThat((Map<String, Integer>) ckan("dmytrivka", "package_search", "facet.field", "[\"organization\"]").read("$.result.facets.organization"))
                .containsOnlyKeys("dmytrivka");

        // current_package_list_with_resources, tag_list
        assertThat((List<String>) ckan("kropyvnytskyi", "current_package_list_with_resources", "limit", "1000").read("$.result[*].name"))
                .contains(m.name());
        assertThat((List<String>) ckan("dmytrivka", "current_package_list_with_resources", "limit", "1000").read("$.result[*].name"))
                .doesNotContain(m.name());
        assertThat((List<String>) ckan("kropyvnytskyi", "tag_list").read("$.result")).contains(m.word());
        assertThat((List<String>) ckan("dmytrivka", "tag_list").read("$.result")).doesNotContain(m.word());
        assertThat((List<String>) ckan("dmytrivka", "tag_list", "all_fields", "true").read("$.result[*].name")).doesNotContain(m.word());

        // organization_list, organization_show (by name and by id), group_list counts
        assertThat((List<String>) ckan("dmytrivka", "organization_list").read("$.result")).containsExactly("dmytrivka");
        assertThat((List<String>) ckan("dmytrivka", "organization_list", "all_fields", "true").read("$.result[*].id")).doesNotContain(orgId);
        assertThat(ckan("dmytrivka", "organization_show", "id", "kropyvnytskyi").status()).isEqualTo(404);
        assertThat(ckan("dmytrivka", "organization_show", "id", orgId).status()).isEqualTo(404);
        List<String> own = ckan("dmytrivka", "package_list").read("$.result");
        Answer orgWithDatasets = ckan("dmytrivka", "organization_show", "id", "dmytrivka", "include_datasets", "true");
        assertThat((Integer) orgWithDatasets.read("$.result.package_count")).isEqualTo(own.size());
        assertThat((List<String>) orgWithDatasets.read("$.result.packages[*].name")).doesNotContain(m.name());
        List<Integer> groupCounts = ckan("dmytrivka", "group_list", "all_fields", "true").read("$.result[*].package_count");
        assertThat(groupCounts.stream().mapToInt(Integer::intValue).sum()).as("every group counts the community's own datasets").isEqualTo(own.size());
        List<Integer> kGroupCounts = ckan("kropyvnytskyi", "group_list", "all_fields", "true").read("$.result[*].package_count");
        List<String> kOwn = ckan("kropyvnytskyi", "package_list").read("$.result");
        assertThat(kGroupCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(kOwn.size());

        // status_show and site_read speak of the community asked
        assertThat((String) ckan("dmytrivka", "status_show").read("$.result.site_url")).endsWith("/dmytrivka");
        assertThat((Boolean) ckan("dmytrivka", "site_read").read("$.result")).isTrue();
    }

    @Test
    void theCatalogueThePagesTheDownloadsTheJsonAndTheSiteSearchKeepToTheCommunity() throws Exception {
        Made m = publishInKropyvnytskyi();
        for (String catalogue : List.of("/catalog", "/catalog.ttl", "/catalog.jsonld", "/catalog.rdf")) {
            assertThat(call(get("/kropyvnytskyi" + catalogue)).body()).as(catalogue).contains("/kropyvnytskyi/opendata/" + m.name());
            Answer there = call(get("/dmytrivka" + catalogue));
            assertThat(there.status()).isEqualTo(200);
            assertThat(there.body()).as(catalogue).doesNotContain(m.name()).doesNotContain("/kropyvnytskyi/");
        }
        for (String accept : List.of("application/ld+json", "application/rdf+xml", "text/turtle")) {
            assertThat(call(get("/dmytrivka/catalog").accept(accept)).body()).as(accept).doesNotContain(m.name());
        }

        assertThat(call(get("/kropyvnytskyi/opendata/" + m.name())).status()).isEqualTo(200);
        assertThat(call(get("/dmytrivka/opendata/" + m.name())).status()).isEqualTo(404);
        assertThat(call(get("/kropyvnytskyi/opendata").param("q", m.word())).body()).contains("Зупинки таксі " + m.word());
        assertThat(call(get("/dmytrivka/opendata").param("q", m.word())).body()).doesNotContain(m.word() + "<");
        String download = "/opendata/" + m.name() + "/resources/" + m.resourceId() + "/download";
        assertThat(call(get("/kropyvnytskyi" + download)).status()).isEqualTo(200);
        assertThat(call(get("/dmytrivka" + download)).status()).isEqualTo(404);

        assertThat((Integer) call(get("/api/v1/kropyvnytskyi/opendata/datasets").param("q", m.word())).read("$.total")).isEqualTo(1);
        assertThat((Integer) call(get("/api/v1/dmytrivka/opendata/datasets").param("q", m.word())).read("$.total")).isZero();
        assertThat((List<String>) call(get("/api/v1/dmytrivka/opendata/datasets")).read("$.datasets[*].name")).doesNotContain(m.name());
        assertThat(call(get("/api/v1/kropyvnytskyi/opendata/datasets/" + m.name())).status()).isEqualTo(200);
        // the download was counted; the facets narrow the catalogue
        assertThat((Integer) call(get("/api/v1/kropyvnytskyi/opendata/datasets/" + m.name())).read("$.resources[0].downloads")).isEqualTo(1);
        assertThat((Integer) call(get("/api/v1/kropyvnytskyi/opendata/datasets").param("q", m.word()).param("theme", "TRAN")
                .param("format", "CSV").param("frequency", "MONTHLY")).read("$.total")).isEqualTo(1);
        for (String[] other : List.of(new String[] {"theme", "GOVE"}, new String[] {"format", "GEOJSON"}, new String[] {"frequency", "ANNUAL"})) {
            assertThat((Integer) call(get("/api/v1/kropyvnytskyi/opendata/datasets").param("q", m.word()).param(other[0], other[1]))
                    .read("$.total")).as(other[0]).isZero();
        }
        assertThat(call(get("/kropyvnytskyi/opendata/api").header("Accept-Language", "en")).body())
                .contains("/kropyvnytskyi/api/3/action/package_list", "/kropyvnytskyi/catalog.ttl", "/api/v1/kropyvnytskyi/opendata/datasets");
        assertThat(call(get("/api/v1/dmytrivka/opendata/datasets/" + m.name())).status()).isEqualTo(404);

        // the site search finds the published dataset by an inflected word, in its own community only
        String path = "/kropyvnytskyi/opendata/" + m.name();
        Answer found = call(get("/api/v1/kropyvnytskyi/search").param("q", "зупинками " + m.word()));
        assertThat((List<String>) found.read("$.items[?(@.url == '" + path + "')].kind")).containsExactly("opendata_dataset");
        assertThat((List<String>) call(get("/api/v1/dmytrivka/search").param("q", "зупинками " + m.word())).read("$.items[*].url"))
                .noneMatch(u -> u.startsWith("/kropyvnytskyi/"));
        assertThat(call(get("/kropyvnytskyi/search").param("q", "зупинками " + m.word())).body())
                .contains("href=\"/kropyvnytskyi/opendata/" + m.name() + "\"");
        // and no longer once the dataset is withdrawn
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(),
                () -> identity.callAs(KROPYVNYTSKYI_ADMIN, () -> {
                    register.withdraw(m.name());
                    return null;
                }));
        assertThat((List<String>) call(get("/api/v1/kropyvnytskyi/search").param("q", "зупинками " + m.word())).read("$.items[*].url"))
                .doesNotContain(path);
        assertThat(ckan("kropyvnytskyi", "package_show", "id", m.name()).status()).isEqualTo(404);
    }

    @Test
    void anAdminOfAnotherCommunityCannotReadOrChangeTheRegister() throws Exception {
        Made m = publishInKropyvnytskyi();
        var kAdmin = TestAccounts.as(accounts, KROPYVNYTSKYI_ADMIN);
        var dAdmin = TestAccounts.as(accounts, DMYTRIVKA_ADMIN);
        assertThat(call(get("/kropyvnytskyi/opendata/manage/" + m.name()).with(kAdmin)).status()).isEqualTo(200);
        assertThat(call(get("/kropyvnytskyi/opendata/manage").with(kAdmin)).body()).contains(m.word());
        assertThat(call(get("/api/v1/kropyvnytskyi/opendata/audit").with(kAdmin)).body()).contains(m.name());

        Answer dashboard = call(get("/kropyvnytskyi/opendata/manage").with(dAdmin));
        assertThat(dashboard.status()).isEqualTo(403);
        assertThat(dashboard.body()).doesNotContain(m.word());
        assertThat(call(get("/kropyvnytskyi/opendata/manage/" + m.name()).with(dAdmin)).status()).isEqualTo(403);
        assertThat(call(get("/dmytrivka/opendata/manage/" + m.name()).with(dAdmin)).status()).as("not in the admin's own register").isEqualTo(404);
        for (String audit : List.of("/api/v1/kropyvnytskyi/opendata/audit", "/kropyvnytskyi/opendata/manage/audit",
                "/kropyvnytskyi/opendata/manage/audit.xlsx")) {
            Answer a = call(get(audit).with(dAdmin));
            assertThat(a.status()).as(audit).isEqualTo(403);
            assertThat(a.body()).as(audit).doesNotContain(m.name());
        }

        long versions = jdbc.queryForObject("select count(*) from opendata_version", Long.class);
        String title = jdbc.queryForObject("select title_uk from opendata_dataset where name = ?", String.class, m.name());
        MockMultipartFile file = new MockMultipartFile("file", "taxi.csv", "text/csv", "id,place\n2,Ринок\n".getBytes(StandardCharsets.UTF_8));
        assertThat(call(multipart("/kropyvnytskyi/opendata/manage/" + m.name() + "/upload").file(file).with(csrf()).with(dAdmin)).status())
                .isEqualTo(403);
        assertThat(call(multipart("/dmytrivka/opendata/manage/" + m.name() + "/upload").file(file).with(csrf()).with(dAdmin)).status())
                .isEqualTo(404);
        assertThat(call(post("/kropyvnytskyi/opendata/manage/" + m.name()).with(csrf()).with(dAdmin).param("titleUk", "Чуже")
                .param("descriptionUk", "Чуже").param("theme", "GOVE").param("frequency", "ANNUAL")).status()).isEqualTo(403);
        assertThat(call(post("/kropyvnytskyi/opendata/manage/" + m.name() + "/withdraw").with(csrf()).with(dAdmin)).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from opendata_version", Long.class)).as("nothing saved").isEqualTo(versions);
        assertThat(jdbc.queryForObject("select title_uk from opendata_dataset where name = ?", String.class, m.name())).isEqualTo(title);
        assertThat(jdbc.queryForObject("select status from opendata_dataset where name = ?", String.class, m.name())).isEqualTo("PUBLISHED");
    }
}
