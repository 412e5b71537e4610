package ua.viche.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.RateLimiter;
import ua.viche.problems.domain.Open311Keys;

/**
 * Open311 GeoReport v2 as the specification describes it (http://wiki.open311.org/GeoReport_v2):
 * every resource in JSON and XML, POST with a valid, an invalid, a revoked and no api_key, the
 * filters of GET requests, tokens, and the standard's error documents with the right HTTP status.
 */
@IntegrationTest
class Open311Test {

    private static final String ROOT = "/open311/v2/kropyvnytskyi";
    private static final String ISO_OFFSET = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)";

    @Autowired MockMvc mvc;
    @Autowired Open311Keys keys;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired RateLimiter limiter;
    @LocalServerPort int port;

    Community k;
    String key;

    @BeforeEach
    void setUp() {
        limiter.reset();
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
        key = CurrentCommunity.callAs(k, () -> identity.callAs("admin@kropyvnytskyi.demo",
                () -> keys.issue("Тестовий клієнт " + UUID.randomUUID()).key()));
    }

    private long reports() {
        return jdbc.queryForObject("select count(*) from problem_report", Long.class);
    }

    /** A valid POST of the standard's form fields; pairs of name and value replace (or, when empty, drop) a field. */
    private MockHttpServletRequestBuilder postRequest(String format, String... overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("api_key", key);
        p.put("service_code", "lighting");
        p.put("lat", "48.5201");
        p.put("long", "32.2402");
        p.put("address_string", "вул. Тестова, 1");
        p.put("description", "Не світить ліхтар біля зупинки «Тестова»");
        p.put("first_name", "Тарас");
        p.put("last_name", "Гнатюк");
        p.put("email", "taras.test@example.org");
        for (int i = 0; i < overrides.length; i += 2) {
            p.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(ROOT + "/requests." + format);
        p.forEach(request::param);
        return request;
    }

    @Test
    void servicesListInJsonAndXml() throws Exception {
        mvc.perform(get(ROOT + "/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$[*].service_code", hasItem("potholes")))
                .andExpect(jsonPath("$[?(@.service_code == 'potholes')].service_name").value(hasItem("Ямковий ремонт доріг")))
                .andExpect(jsonPath("$[0].metadata").value(false))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").exists())
                .andExpect(jsonPath("$[0].group").exists())
                .andExpect(jsonPath("$[0].description").exists());
        mvc.perform(get(ROOT + "/services.json").param("lang", "en"))
                .andExpect(jsonPath("$[?(@.service_code == 'potholes')].service_name").value(hasItem("Potholes")));
        mvc.perform(get(ROOT + "/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andExpect(content().string(startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")))
                .andExpect(xpath("/services/service[service_code='potholes']/type").string("realtime"))
                .andExpect(xpath("/services/service[service_code='potholes']/metadata").string("false"))
                .andExpect(xpath("/services/service[service_code='potholes']/group").string("Управління житлово-комунального господарства"));
    }

    @Test
    void serviceDefinitionAndUnknownService() throws Exception {
        mvc.perform(get(ROOT + "/services/potholes.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("potholes"))
                .andExpect(jsonPath("$.attributes", hasSize(0)));
        mvc.perform(get(ROOT + "/services/potholes.xml"))
                .andExpect(xpath("/service_definition/service_code").string("potholes"))
                .andExpect(xpath("/service_definition/attributes").exists());
        mvc.perform(get(ROOT + "/services/nope.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description", containsString("nope")));
        mvc.perform(get(ROOT + "/services/nope.xml"))
                .andExpect(status().isNotFound())
                .andExpect(xpath("/errors/error/code").string("404"));
    }

    @Test
    void postWithValidKeyThenReadByIdAndToken() throws Exception {
        String body = mvc.perform(postRequest("json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").exists())
                .andExpect(jsonPath("$[0].service_notice").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(body).get(0);
        String id = created.get("service_request_id").asString();
        String token = created.get("token").asString();

        mvc.perform(get(ROOT + "/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("lighting"))
                .andExpect(jsonPath("$[0].service_name").value("Вуличне освітлення"))
                .andExpect(jsonPath("$[0].description").value("Не світить ліхтар біля зупинки «Тестова»"))
                .andExpect(jsonPath("$[0].address").value("вул. Тестова, 1"))
                .andExpect(jsonPath("$[0].lat").value(48.5201))
                .andExpect(jsonPath("$[0].long").value(32.2402))
                .andExpect(jsonPath("$[0].requested_datetime", matchesPattern(ISO_OFFSET)))
                .andExpect(jsonPath("$[0].updated_datetime", matchesPattern(ISO_OFFSET)))
                .andExpect(jsonPath("$[0].agency_responsible").value("Управління житлово-комунального господарства"))
                .andExpect(content().string(Matchers.not(containsString("taras.test@example.org"))));
        mvc.perform(get(ROOT + "/requests/" + id + ".xml"))
                .andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id))
                .andExpect(xpath("/service_requests/request/status").string("open"))
                .andExpect(xpath("/service_requests/request/requested_datetime").string(matchesPattern(ISO_OFFSET)));
        mvc.perform(get(ROOT + "/tokens/" + token + ".json"))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(token));
        mvc.perform(get(ROOT + "/tokens/" + token + ".xml"))
                .andExpect(xpath("/service_requests/request/service_request_id").string(id));
        mvc.perform(get(ROOT + "/tokens/no-such-token.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get(ROOT + "/requests/999999999.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));

        // the same idempotency key twice is one report
        String idem = "client-retry-" + UUID.randomUUID();
        String first = json.readTree(mvc.perform(postRequest("json", "idempotency_key", idem))
                .andReturn().getResponse().getContentAsString()).get(0).get("service_request_id").asString();
        long before = reports();
        mvc.perform(postRequest("xml", "idempotency_key", idem))
                .andExpect(status().isOk())
                .andExpect(xpath("/service_requests/request/service_request_id").string(first));
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void postWithMissingInvalidOrRevokedKeyOrBadInputIsRefusedAndSavesNothing() throws Exception {
        long before = reports();
        mvc.perform(postRequest("json", "api_key", ""))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description", containsString("api_key")));
        mvc.perform(postRequest("xml", "api_key", "wrong-key"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("text/xml"))
                .andExpect(xpath("/errors/error/code").string("403"))
                .andExpect(xpath("/errors/error/description").string(containsString("api_key")));
        mvc.perform(postRequest("json", "service_code", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(postRequest("json", "service_code", "nope"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(postRequest("json", "lat", "", "long", "", "address_string", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description", containsString("address_string")));
        mvc.perform(postRequest("json", "lat", "50.4501", "long", "30.5234"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description", containsString("outside")));
        mvc.perform(postRequest("json", "lat", "north"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].description", containsString("lat")));
        mvc.perform(postRequest("json", "description", " "))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        // a key of another community is not valid here
        mvc.perform(post("/open311/v2/dmytrivka/requests.json").param("api_key", key).param("service_code", "lighting")
                .param("lat", "48.70").param("long", "32.74").param("description", "Темно"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$[0].code").value(403));
        // a revoked key stops working at once
        long clientId = jdbc.queryForObject("select max(id) from open311_client where community_id = ?", Long.class, k.id());
        CurrentCommunity.runAs(k, () -> identity.callAs("admin@kropyvnytskyi.demo", () -> {
            keys.revoke(clientId);
            return null;
        }));
        mvc.perform(postRequest("json")).andExpect(status().isForbidden()).andExpect(jsonPath("$[0].code").value(403));
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void requestsFilters() throws Exception {
        String open = json.readTree(mvc.perform(postRequest("json")).andReturn().getResponse().getContentAsString())
                .get(0).get("service_request_id").asString();
        mvc.perform(get(ROOT + "/requests.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)))
                .andExpect(jsonPath("$[*].status", everyItem(Matchers.oneOf("open", "closed"))));
        mvc.perform(get(ROOT + "/requests.json").param("service_code", "potholes"))
                .andExpect(jsonPath("$[*].service_code", everyItem(is("potholes"))))
                .andExpect(jsonPath("$[*].service_code", hasItem("potholes")));
        mvc.perform(get(ROOT + "/requests.json").param("service_code", "potholes,lighting"))
                .andExpect(jsonPath("$[*].service_code", everyItem(Matchers.oneOf("potholes", "lighting"))))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)));
        mvc.perform(get(ROOT + "/requests.json").param("status", "closed"))
                .andExpect(jsonPath("$[*].status", everyItem(is("closed"))))
                .andExpect(jsonPath("$[*].status", hasItem("closed")));
        mvc.perform(get(ROOT + "/requests.xml").param("status", "open"))
                .andExpect(xpath("/service_requests/request[service_request_id='" + open + "']/status").string("open"))
                .andExpect(xpath("count(/service_requests/request[status='closed'])").number(0.0));
        mvc.perform(get(ROOT + "/requests.json").param("start_date", "2010-01-01T00:00:00+02:00")
                        .param("end_date", "2010-12-31T00:00:00Z"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get(ROOT + "/requests.json").param("start_date", "2020-01-01T00:00:00Z"))
                .andExpect(jsonPath("$[*].service_request_id", hasItem(open)));
        mvc.perform(get(ROOT + "/requests.json").param("service_request_id", open + ",999999999,abc")
                        .param("status", "closed"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(open));
        mvc.perform(get(ROOT + "/requests.json").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description", containsString("start_date")));
        mvc.perform(get(ROOT + "/requests.xml").param("status", "pending"))
                .andExpect(status().isBadRequest()).andExpect(xpath("/errors/error/code").string("400"));
    }

    @Test
    void errorsAreInTheStandardsFormatEverywhere() throws Exception {
        mvc.perform(get(ROOT + "/nothing-here.json"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(delete(ROOT + "/requests.json"))
                .andExpect(status().is4xxClientError()).andExpect(jsonPath("$[0].code").exists());
        // an unknown community is refused by the tenant filter before any controller: a real request
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> json404 = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open311/v2/atlantis/services.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json404.statusCode()).isEqualTo(404);
        assertThat(json.readTree(json404.body()).get(0).get("code").asInt()).isEqualTo(404);
        HttpResponse<String> xml404 = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/open311/v2/atlantis/services.xml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(xml404.statusCode()).isEqualTo(404);
        assertThat(xml404.body()).contains("<errors><error><code>404</code>");
    }

    @Test
    void oneCommunitysRequestsAreInvisibleThroughAnother() throws Exception {
        String id = json.readTree(mvc.perform(postRequest("json")).andReturn().getResponse().getContentAsString())
                .get(0).get("service_request_id").asString();
        mvc.perform(get("/open311/v2/dmytrivka/requests/" + id + ".json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/dmytrivka/requests.json").param("service_request_id", id))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/open311/v2/dmytrivka/requests.json"))
                .andExpect(jsonPath("$[*].service_request_id", Matchers.not(hasItem(id))));
    }
}
