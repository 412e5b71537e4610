package ua.viche.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import ua.viche.IntegrationTest;
import ua.viche.platform.ChartTables;

/**
 * The geoportal's public pages, API, open data and search on the demo data: the map's list twin with
 * its filters, an object's page (hours, accessibility in words, "report a problem here"), English,
 * and isolation between communities.
 */
@IntegrationTest
class GeoPagesTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private String body(String path, String... params) throws Exception {
        var request = get(path);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long communityId(String slug) {
        return jdbc.queryForObject("select id from community where slug = ?", Long.class, slug);
    }

    @Test
    void theDemoHasTheStandardLayersAndOverThreeHundredObjectsInsideKropyvnytskyi() {
        long k = communityId("kropyvnytskyi");
        assertThat(jdbc.queryForList("select slug from geo_layer where community_id = ? and published", String.class, k))
                .contains("health", "education", "social", "shelters", "wifi", "invincibility", "investment", "sights", "routes");
        assertThat(jdbc.queryForObject("select count(*) from geo_object where community_id = ?", Long.class, k)).isGreaterThanOrEqualTo(300);
        assertThat(jdbc.queryForObject("select count(*) from geo_object where community_id = ? and not (min_lat >= 48.45 and max_lat <= 48.58"
                + " and min_lon >= 32.15 and max_lon <= 32.37)", Long.class, k)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct access) from geo_object where community_id = ?", Long.class, k))
                .as("varied accessibility").isGreaterThan(50);
        assertThat(jdbc.queryForObject("select count(*) from geo_object o join geo_layer l on l.id = o.layer_id where o.community_id = ?"
                + " and l.slug = 'health' and substr(o.access, 4, 1) = 'Y'", Long.class, k)).as("clinics with an interpreter").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from geo_object where community_id = ?", Long.class, communityId("dmytrivka")))
                .isBetween(10L, 100L);
        assertThat(jdbc.queryForObject("select count(*) from geo_object where community_id = ?", Long.class, communityId("sievierodonetsk")))
                .isBetween(10L, 100L);
        assertThat(jdbc.queryForObject("select count(*) from geo_object where community_id = ? and layer_slug = 'sights'"
                + " and name_en <> name_uk and description_uk is not null and description_en is not null", Long.class, k))
                .as("20 sights with their history in both languages").isGreaterThanOrEqualTo(20);
        assertThat(jdbc.queryForObject("select count(distinct substr(access, 1, 1) || substr(access, 4, 1)) from geo_object"
                + " where community_id = ? and layer_slug = 'education'", Long.class, k)).as("schools with varied accessibility").isGreaterThan(2);
        assertThat(jdbc.queryForList("select attributes from geo_object where community_id = ? and layer_slug = 'shelters'", String.class, k))
                .as("shelters with their capacity").isNotEmpty().allMatch(a -> a.matches(".*\"capacity\":\"[0-9]+\".*"));
    }

    @Test
    void theMapListFiltersAndTheObjectPage() throws Exception {
        String map = body("/kropyvnytskyi/map");
        assertThat(map).contains("Карта громади", "Заклади охорони здоров’я", "Сурдоперекладач", "id=\"geo-list\"", "geo-map.js");
        // other modules' places as read-only layers, from their own published GeoJSON (problem reports, budget projects, CNAP offices)
        assertThat(map).contains("data-url=\"/kropyvnytskyi/problems/export.geojson\"", "data-url=\"/kropyvnytskyi/cnap/offices.geojson\"",
                "Повідомлення про проблеми", "Офіси ЦНАП").containsPattern("data-url=\"/kropyvnytskyi/budget/cycles/\\d+/projects.geojson\"");
        // a point outside the community is not measured from, and the page says so
        String outside = body("/kropyvnytskyi/map", "lat", "50.45", "lon", "30.52");
        assertThat(outside).contains("id=\"point-outside\"", "поза межами громади").doesNotContain("Найближчі — першими.");
        assertThat(body("/kropyvnytskyi/map", "lat", "48.51", "lon", "32.26")).contains("Найближчі — першими.").doesNotContain("id=\"point-outside\"");
        String clinics = body("/kropyvnytskyi/map", "layer", "health", "access", "sign_language");
        long expected = jdbc.queryForObject("select count(*) from geo_object o where o.community_id = ? and o.layer_slug = 'health'"
                + " and substr(o.access, 4, 1) = 'Y'", Long.class, communityId("kropyvnytskyi"));
        assertThat(clinics).contains("Знайдено: " + expected).doesNotContain("Ліцей №");

        Map<String, Object> clinic = jdbc.queryForMap("select id, name_uk, address, latitude from geo_object where community_id = ?"
                + " and layer_slug = 'health' and attributes like '%Mo-Fr%' order by id limit 1", communityId("kropyvnytskyi"));
        String page = body("/kropyvnytskyi/map/health/" + clinic.get("id"));
        assertThat(page).contains((String) clinic.get("name_uk"), (String) clinic.get("address"), "Доступність", "Вхід без сходинок",
                "Години роботи", "/kropyvnytskyi/problems/new?latitude=", "Повідомити про проблему тут");
        assertThat(page).containsPattern("Зараз (відчинено|зачинено)");
        String form = body("/kropyvnytskyi/problems/new", "latitude", String.valueOf(clinic.get("latitude")), "longitude", "32.26",
                "address", (String) clinic.get("address"));
        assertThat(form).contains("value=\"" + clinic.get("latitude") + "\"", (String) clinic.get("address"));
        String english = body("/kropyvnytskyi/map/health/" + clinic.get("id"), "lang", "en");
        assertThat(english).contains("Accessibility", "Step-free entrance", "Report a problem here").containsPattern("(Open|Closed) now");
        mvc.perform(get("/kropyvnytskyi/map/education/" + clinic.get("id"))).andExpect(status().isNotFound());
        mvc.perform(get("/kropyvnytskyi/map/no-such-layer")).andExpect(status().isNotFound());

        String layer = body("/kropyvnytskyi/map/shelters");
        assertThat(layer).contains("Укриття", "export.geojson", "export.csv");
        String csv = body("/kropyvnytskyi/map/shelters/export.csv");
        assertThat(csv).startsWith("id,name_uk,name_en,address,latitude,longitude,geometry").contains("capacity", "Укриття № 1,");
        String routes = body("/kropyvnytskyi/map/routes/export.geojson");
        assertThat(JsonPath.<List<String>>read(routes, "$.features[*].geometry.type")).containsOnly("LineString").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theApiListsLayersWithTypesAndCounts() throws Exception {
        String layers = body("/api/v1/kropyvnytskyi/geo/layers");
        assertThat(JsonPath.<List<String>>read(layers, "$[*].slug")).contains("health", "sights", "routes", "investment");
        assertThat(JsonPath.<List<List<String>>>read(layers, "$[?(@.slug == 'investment')].geometryTypes")).containsExactly(List.of("Polygon"));
        assertThat(JsonPath.<List<Integer>>read(layers, "$[?(@.slug == 'health')].count").get(0)).isGreaterThan(10);
        String features = body("/api/v1/kropyvnytskyi/geo/layers/health/features", "access", "sign_language");
        List<String> answers = JsonPath.read(features, "$.features[*].properties.access_sign_language");
        assertThat(answers).isNotEmpty().containsOnly("yes");
        mvc.perform(get("/api/v1/kropyvnytskyi/geo/nearest").param("lat", "north").param("lon", "1")).andExpect(status().isBadRequest());
        // a misspelt accessibility condition is refused, naming it, rather than quietly ignored (which would answer every object)
        var refused = mvc.perform(get("/api/v1/kropyvnytskyi/geo/layers/health/features").param("access", "sign_language,ramps"))
                .andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(refused.getContentAsString(), "$.detail")).contains("«ramps»", "step_free, ramp, toilet, sign_language");
        var english = mvc.perform(get("/api/v1/kropyvnytskyi/geo/nearest").param("lat", "48.51").param("lon", "32.26").param("access", "lift")
                .param("lang", "en")).andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat((String) JsonPath.read(english.getContentAsString(), "$.detail")).startsWith("Unknown accessibility condition “lift”");
    }

    @Test
    void aLayerPageChartsItsPlacesByAccessibilityWithTheSameNumbersInItsTable() throws Exception {
        long k = communityId("kropyvnytskyi");
        long health = jdbc.queryForObject("select count(*) from geo_object where community_id = ? and layer_slug = 'health'", Long.class, k);
        long interpreter = jdbc.queryForObject("select count(*) from geo_object where community_id = ? and layer_slug = 'health'"
                + " and substr(access, 4, 1) = 'Y'", Long.class, k);
        long noRamp = jdbc.queryForObject("select count(*) from geo_object where community_id = ? and layer_slug = 'health'"
                + " and substr(access, 2, 1) = 'N'", Long.class, k);
        for (String lang : List.of("uk", "en")) {
            String html = body("/kropyvnytskyi/map/health", "lang", lang);
            assertThat(ChartTables.assertChartsMatchTables(html)).isEqualTo(1);
            Element table = Jsoup.parse(html).selectFirst("#access-chart table");
            assertThat(table).isNotNull();
            assertThat(table.select("tbody tr")).hasSize(8);
            for (Element row : table.select("tbody tr")) {
                long sum = 0;
                for (Element cell : row.select("td[data-value]")) {
                    sum += Long.parseLong(cell.attr("data-value"));
                }
                assertThat(sum).as("every place answers each condition once: %s", row.text()).isEqualTo(health);
            }
            Element sign = table.select("tbody tr").get(3);
            Element ramp = table.select("tbody tr").get(1);
            assertThat(sign.selectFirst("th").text()).isEqualTo("uk".equals(lang) ? "Сурдоперекладач" : "Sign-language interpreter");
            assertThat(sign.select("td[data-value]").get(0).attr("data-value")).isEqualTo(Long.toString(interpreter));
            assertThat(ramp.select("td[data-value]").get(1).attr("data-value")).isEqualTo(Long.toString(noRamp));
        }
        // another community's layer counts its own places only
        long dHealth = jdbc.queryForObject("select count(*) from geo_object where community_id = ? and layer_slug = 'health'", Long.class,
                communityId("dmytrivka"));
        Element row = Jsoup.parse(body("/dmytrivka/map/health")).select("#access-chart tbody tr").get(0);
        assertThat(row.select("td[data-value]").stream().mapToLong(c -> Long.parseLong(c.attr("data-value"))).sum()).isEqualTo(dHealth);
    }

    @Test
    void communitiesSeeOnlyTheirOwnObjects() throws Exception {
        long k = communityId("kropyvnytskyi");
        Map<String, Object> clinic = jdbc.queryForMap("select id, name_uk from geo_object where community_id = ? and layer_slug = 'health'"
                + " order by id limit 1", k);
        mvc.perform(get("/dmytrivka/map/health/" + clinic.get("id"))).andExpect(status().isNotFound());
        String dmytrivka = body("/dmytrivka/map/health/export.geojson");
        List<Integer> ids = JsonPath.read(dmytrivka, "$.features[*].id");
        assertThat(ids).isNotEmpty().doesNotContain(((Number) clinic.get("id")).intValue());
        assertThat(jdbc.queryForList("select community_id from geo_object where id in (" + String.join(",", ids.stream().map(String::valueOf).toList())
                + ")", Long.class)).containsOnly(communityId("dmytrivka"));
        String api = body("/api/v1/dmytrivka/geo/layers/health/features");
        assertThat(JsonPath.<List<Integer>>read(api, "$.features[*].id")).isNotEmpty().doesNotContain(((Number) clinic.get("id")).intValue());
        assertThat(JsonPath.<List<String>>read(api, "$.features[*].properties.url")).allMatch(u -> u.startsWith("/dmytrivka/map/health/"));
        assertThat(api).doesNotContain("\"distance\"");
        String nearest = body("/api/v1/dmytrivka/geo/nearest", "lat", "48.51", "lon", "32.26", "limit", "100");
        assertThat(JsonPath.<List<Integer>>read(nearest, "$.features[*].id")).doesNotContain(((Number) clinic.get("id")).intValue());
        String list = body("/dmytrivka/map", "q", "Пункт незламності");
        assertThat(list).doesNotContain("/kropyvnytskyi/map/");

        // the site search: a sight found in its own community, not in another
        String search = body("/api/v1/kropyvnytskyi/search", "q", "Фортеця святої Єлисавети");
        assertThat(JsonPath.<List<String>>read(search, "$.items[*].url")).anyMatch(u -> u.startsWith("/kropyvnytskyi/map/sights/"));
        String elsewhere = body("/api/v1/dmytrivka/search", "q", "Фортеця святої Єлисавети");
        assertThat(JsonPath.<List<String>>read(elsewhere, "$.items[*].url")).noneMatch(u -> u.contains("/map/"));
        // words with Ukrainian morphology: «укриттях» finds «Укриття № …»
        String morphology = body("/kropyvnytskyi/map", "layer", "shelters", "q", "укриттях");
        assertThat(morphology).contains("Укриття № ");
    }

    private static final String GPX = "http://www.topografix.com/GPX/1/1";

    private Document xml(String path) throws Exception {
        byte[] bytes = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void gpxFilesAreWellFormedXmlWithTheNamesAsWrittenApostrophesAndQuotesToo() throws Exception {
        long k = communityId("kropyvnytskyi");
        long route = jdbc.queryForObject("select id from geo_object where community_id = ? and layer_slug = 'routes'"
                + " and name_uk = 'Старе місто пішки'", Long.class, k);
        List<String> stops = jdbc.queryForList("select o.name_uk from geo_route_stop s join geo_object o on o.id = s.stop_id"
                + " where s.route_id = ? order by s.position", String.class, route);
        assertThat(stops).anyMatch(n -> n.contains("’")).anyMatch(n -> n.contains("«"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            expected.add((i + 1) + ". " + stops.get(i));
        }
        for (String path : List.of("/kropyvnytskyi/routes/" + route + "/route.gpx", "/api/v1/kropyvnytskyi/geo/routes/" + route + "/gpx")) {
            NodeList waypoints = xml(path).getElementsByTagNameNS(GPX, "wpt");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < waypoints.getLength(); i++) {
                names.add(waypoints.item(i).getTextContent());
            }
            assertThat(names).as(path).isEqualTo(expected);
        }
        Map<String, Object> sight = jdbc.queryForMap("select id, name_uk from geo_object where community_id = ? and layer_slug = 'sights'"
                + " and name_uk like '%’%' order by id limit 1", k);
        Document point = xml("/kropyvnytskyi/map/sights/" + sight.get("id") + "/export.gpx");
        assertThat(point.getElementsByTagNameNS(GPX, "wpt").item(0).getTextContent()).isEqualTo(sight.get("name_uk"));
    }

    @Test
    void aRouteAsGpxAndASightsPlateWithItsQrCode() throws Exception {
        long k = communityId("kropyvnytskyi");
        Map<String, Object> route = jdbc.queryForMap("select id, name_uk, geometry from geo_object where community_id = ? and layer_slug = 'routes'"
                + " order by id limit 1", k);
        String gpx = body("/kropyvnytskyi/map/routes/" + route.get("id") + "/export.gpx");
        List<List<Double>> line = JsonPath.read((String) route.get("geometry"), "$.coordinates");
        assertThat(gpx).startsWith("<?xml").contains("<gpx version=\"1.1\"", "<trk><name>" + route.get("name_uk") + "</name>");
        assertThat(gpx.split("<trkpt ", -1)).hasSize(line.size() + 1);
        assertThat(gpx).contains("<trkpt lat=\"" + line.get(0).get(1) + "\" lon=\"" + line.get(0).get(0) + "\"/>");
        String page = body("/kropyvnytskyi/map/routes/" + route.get("id"));
        assertThat(page).contains("Довжина, км", "Пішки, хвилин", "Складність", "Доступний маршрут", "export.gpx");

        Map<String, Object> sight = jdbc.queryForMap("select id, name_uk from geo_object where community_id = ? and layer_slug = 'sights'"
                + " order by id limit 1", k);
        String plate = body("/kropyvnytskyi/map/sights/" + sight.get("id") + "/plate");
        assertThat(plate).contains((String) sight.get("name_uk"), "<svg", "class=\"qr\"", "/kropyvnytskyi/map/sights/" + sight.get("id") + "</p>");
        String point = body("/kropyvnytskyi/map/sights/" + sight.get("id") + "/export.gpx");
        assertThat(point).contains("<wpt lat=").doesNotContain("<trk>");
        mvc.perform(get("/dmytrivka/map/sights/" + sight.get("id") + "/plate")).andExpect(status().isNotFound());
    }
}
