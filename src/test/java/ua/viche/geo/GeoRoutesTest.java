package ua.viche.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import ua.viche.IntegrationTest;
import ua.viche.geo.domain.GeoEditing;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * Tourist routes on the real database: stops in the order the official gives, the line and length
 * drawn through them (checked against a length computed by hand), the route as GeoJSON and GPX, the
 * JSON twin, the demo's three routes, and isolation between communities.
 */
@IntegrationTest
class GeoRoutesTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";
    /**
     * Stops at (48.50, 32.26), (48.51, 32.26) and (48.51, 32.27): 0.01° along a meridian is
     * 6,371,008.8 × π/180 × 0.01 = 1,111.95 m; 0.01° along the parallel 48.51° is
     * 2 × 6,371,008.8 × asin(cos 48.51° × sin 0.005°) = 736.66 m; together 1,848.61 m, 25 minutes at 75 m a minute.
     */
    private static final double LENGTH = 1111.95 + 736.66;

    @Autowired MockMvc mvc;
    @Autowired GeoService geo;
    @Autowired GeoEditing editing;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private long place(Layer layer, String name, double lat, double lon) {
        return CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveObject(layer.getId(), null,
                new GeoEditing.ObjectInput(Map.of("name_uk", name, "latitude", Double.toString(lat), "longitude", Double.toString(lon)), null))))
                .getId();
    }

    @Test
    void stopsInOrderDrawTheLineWithTheLengthComputedByHandAndTheRouteTravelsAsGeoJsonAndGpx() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        Layer places = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveLayer(null, new GeoEditing.LayerInput(
                "stops-" + suffix, "Зупинки " + suffix, "Stops " + suffix, "place", "#123456", Layer.Shape.SQUARE, "Z", null, true, "", 600))));
        Layer routesLayer = CurrentCommunity.callAs(k, () -> geo.layer("routes")).orElseThrow();
        long a = place(places, "Початок " + suffix, 48.50, 32.26);
        long b = place(places, "Північ " + suffix, 48.51, 32.26);
        long c = place(places, "Схід " + suffix, 48.51, 32.27);
        MapObject route = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveObject(routesLayer.getId(), null,
                new GeoEditing.ObjectInput(Map.of("name_uk", "Тестовий маршрут " + suffix, "name_en", "Test route " + suffix,
                        "latitude", "48.5", "longitude", "32.26", "difficulty", "easy", "accessible", "yes"), null))));
        long id = route.getId();

        // the route's form leads to its stops
        assertThat(mvc.perform(get("/kropyvnytskyi/map/manage/layers/" + routesLayer.getId() + "/objects/" + id)
                .with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("/kropyvnytskyi/map/manage/routes/" + id);
        assertThat(mvc.perform(get("/kropyvnytskyi/map/manage/routes/" + id).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Початок " + suffix, "Зберегти зупинки");

        // the official gives the stops in a wrong order, then puts them right with the order numbers and adds the last one
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("add", Long.toString(b))).andExpect(flash().attribute("error", "geo.error.routeStops"));
        assertThat(jdbc.queryForObject("select count(*) from geo_route_stop where route_id = ?", Long.class, id)).isZero();
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("stop", Long.toString(b)).param("stop", Long.toString(a)).param("position", "2").param("position", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("stop", Long.toString(a)).param("stop", Long.toString(b)).param("position", "1").param("position", "2")
                .param("add", Long.toString(c))).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "geo.manage.saved"));
        assertThat(jdbc.queryForList("select stop_id from geo_route_stop where route_id = ? order by position", Long.class, id))
                .containsExactly(a, b, c);

        String json = mvc.perform(get("/api/v1/kropyvnytskyi/geo/routes/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(((Number) JsonPath.read(json, "$.lengthMetres")).doubleValue()).isCloseTo(LENGTH, offset(1.0));
        assertThat((Integer) JsonPath.read(json, "$.walkingMinutes")).isEqualTo(25);
        assertThat((Boolean) JsonPath.read(json, "$.accessible")).isTrue();
        assertThat((List<String>) JsonPath.read(json, "$.stops[*].name")).containsExactly("Початок " + suffix, "Північ " + suffix, "Схід " + suffix);
        assertThat(((Number) JsonPath.read(json, "$.stops[1].fromPreviousMetres")).doubleValue()).isCloseTo(1111.95, offset(1.0));
        assertThat(jdbc.queryForObject("select attributes from geo_object where id = ?", String.class, id))
                .contains("\"length_km\":\"1.85\"", "\"walking_minutes\":\"25\"");
        List<Map<String, Object>> list = JsonPath.read(mvc.perform(get("/api/v1/kropyvnytskyi/geo/routes")).andReturn().getResponse()
                .getContentAsString(), "$[?(@.id == " + id + ")]");
        assertThat(list).hasSize(1);

        // GeoJSON: the line through the stops in order, then the stops as numbered points
        String geoJson = mvc.perform(get("/kropyvnytskyi/routes/" + id + "/route.geojson")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(geoJson, "$.features[0].geometry.type")).isEqualTo("LineString");
        assertThat((List<Double>) JsonPath.read(geoJson, "$.features[0].geometry.coordinates[*][1]")).containsExactly(48.5, 48.51, 48.51);
        assertThat((List<Integer>) JsonPath.read(geoJson, "$.features[1:].properties.stop")).containsExactly(1, 2, 3);
        assertThat(((Number) JsonPath.read(geoJson, "$.features[0].properties.length_m")).intValue()).isEqualTo(1849);
        assertThat(mvc.perform(get("/api/v1/kropyvnytskyi/geo/routes/" + id + "/geojson")).andReturn().getResponse().getContentAsString())
                .isEqualTo(geoJson);

        // GPX: a valid document with the stops as waypoints and the track through them
        byte[] gpx = mvc.perform(get("/kropyvnytskyi/routes/" + id + "/route.gpx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(gpx));
        NodeList wpt = doc.getElementsByTagNameNS("http://www.topografix.com/GPX/1/1", "wpt");
        NodeList trkpt = doc.getElementsByTagNameNS("http://www.topografix.com/GPX/1/1", "trkpt");
        assertThat(wpt.getLength()).isEqualTo(3);
        assertThat(trkpt.getLength()).isEqualTo(3);
        assertThat(wpt.item(1).getTextContent()).isEqualTo("2. Північ " + suffix);
        assertThat(trkpt.item(2).getAttributes().getNamedItem("lon").getNodeValue()).isEqualTo("32.27");

        // the pages: the route with its stops in order, the printable page, the list
        String page = mvc.perform(get("/kropyvnytskyi/routes/" + id)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Тестовий маршрут " + suffix, "1,8 км", "25 хв пішки", "Доступний маршрут")
                .containsSubsequence("Початок " + suffix, "Північ " + suffix, "Схід " + suffix);
        assertThat(mvc.perform(get("/kropyvnytskyi/routes/" + id + "/print")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("svg", "/kropyvnytskyi/routes/" + id);
        assertThat(mvc.perform(get("/kropyvnytskyi/routes")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Тестовий маршрут " + suffix);

        // a route is not a stop, and nobody else's place is one either
        long other = jdbc.queryForObject("select min(o.id) from geo_object o join community c on c.id = o.community_id"
                + " where c.slug = 'dmytrivka'", Long.class);
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("stop", Long.toString(a)).param("add", Long.toString(other)))
                .andExpect(flash().attribute("error", "geo.error.routeStopUnknown"));
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("stop", Long.toString(a)).param("add", Long.toString(id)))
                .andExpect(flash().attribute("error", "geo.error.routeStopIsRoute"));
        assertThat(jdbc.queryForList("select stop_id from geo_route_stop where route_id = ? order by position", Long.class, id))
                .containsExactly(a, b, c);
    }

    @Test
    void theDemoHasThreeRoutesInKropyvnytskyiOneAccessibleAndRoutesStayInTheirCommunity() throws Exception {
        String list = mvc.perform(get("/api/v1/kropyvnytskyi/geo/routes")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<Map<String, Object>> demo = JsonPath.read(list, "$[?(@.nameUk in ['Старе місто пішки', 'Від фортеці до Ковалівського парку',"
                + " 'Театральний квартал'])]");
        assertThat(demo).hasSize(3);
        assertThat(demo).allSatisfy(r -> {
            assertThat((Integer) r.get("stopCount")).isGreaterThanOrEqualTo(5);
            assertThat(((Number) r.get("lengthMetres")).longValue()).isBetween(500L, 6000L);
            assertThat((String) r.get("nameEn")).isNotBlank();
        });
        assertThat(demo.stream().filter(r -> (Boolean) r.get("accessible")).map(r -> r.get("nameUk"))).containsExactly("Старе місто пішки");
        long accessible = demo.stream().filter(r -> (Boolean) r.get("accessible")).map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
        assertThat(jdbc.queryForObject("select count(*) from geo_route_stop s join geo_object o on o.id = s.stop_id where s.route_id = ?"
                + " and substr(o.access, 1, 1) <> 'Y'", Long.class, accessible)).as("the accessible route's stops are step-free").isZero();
        String page = mvc.perform(get("/kropyvnytskyi/routes/" + accessible).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The old town on foot", "Accessible route", "Town hall");

        // another community's route is not found under Kropyvnytskyi, on the page, its exports or the API
        long dmytrivkaRoute = jdbc.queryForObject("select min(o.id) from geo_object o join community c on c.id = o.community_id"
                + " where c.slug = 'dmytrivka' and o.layer_slug = 'routes'", Long.class);
        for (String path : List.of("/kropyvnytskyi/routes/" + dmytrivkaRoute, "/kropyvnytskyi/routes/" + dmytrivkaRoute + "/route.gpx",
                "/kropyvnytskyi/routes/" + dmytrivkaRoute + "/route.geojson", "/api/v1/kropyvnytskyi/geo/routes/" + dmytrivkaRoute,
                "/kropyvnytskyi/routes/" + dmytrivkaRoute + "/print")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/dmytrivka/routes/" + dmytrivkaRoute)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/api/v1/dmytrivka/geo/routes")).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"id\":" + accessible + ",").doesNotContain("Старе місто пішки");
        // an official edits only the routes of their department's layers: routes belong to culture/tourism, not to IT
        mvc.perform(get("/kropyvnytskyi/map/manage/routes/" + accessible).with(TestAccounts.as(accounts, "official@kropyvnytskyi.demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aNewRouteIsDrawnFromItsFirstStopsAndFollowsAPlaceThatMovesOrIsDeleted() throws Exception {
        String suffix = Long.toString(System.nanoTime());
        Layer places = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveLayer(null, new GeoEditing.LayerInput(
                "moves-" + suffix, "Місця " + suffix, "Places " + suffix, "place", "#654321", Layer.Shape.SQUARE, "M", null, true, "", 600))));
        Layer routesLayer = CurrentCommunity.callAs(k, () -> geo.layer("routes")).orElseThrow();
        long a = place(places, "Старт " + suffix, 48.50, 32.26);
        long b = place(places, "Друга " + suffix, 48.51, 32.26);
        long c = place(places, "Третя " + suffix, 48.51, 32.27);

        // the form offers the first stops; a route made from them needs no coordinates and opens its stops
        assertThat(mvc.perform(get("/kropyvnytskyi/map/manage/layers/" + routesLayer.getId() + "/objects/new")
                .with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("id=\"first_stop\"", "Старт " + suffix);
        // a stop that is not a place of this community: refused, nothing saved
        long other = jdbc.queryForObject("select min(o.id) from geo_object o join community c on c.id = o.community_id"
                + " where c.slug = 'dmytrivka'", Long.class);
        mvc.perform(post("/kropyvnytskyi/map/manage/layers/" + routesLayer.getId() + "/objects").with(csrf())
                        .with(TestAccounts.as(accounts, ADMIN)).param("name_uk", "Відхилений " + suffix)
                        .param("first_stop", Long.toString(a)).param("second_stop", Long.toString(other)))
                .andExpect(flash().attribute("error", "geo.error.routeStopUnknown"));
        assertThat(jdbc.queryForObject("select count(*) from geo_object where name_uk = ?", Long.class, "Відхилений " + suffix)).isZero();
        String location = mvc.perform(post("/kropyvnytskyi/map/manage/layers/" + routesLayer.getId() + "/objects").with(csrf())
                        .with(TestAccounts.as(accounts, ADMIN)).param("name_uk", "Без координат " + suffix).param("difficulty", "easy")
                        .param("latitude", "").param("longitude", "").param("geometry", "")
                        .param("first_stop", Long.toString(a)).param("second_stop", Long.toString(b)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = jdbc.queryForObject("select id from geo_object where name_uk = ?", Long.class, "Без координат " + suffix);
        assertThat(location).isEqualTo("/kropyvnytskyi/map/manage/routes/" + id);
        assertThat(jdbc.queryForList("select stop_id from geo_route_stop where route_id = ? order by position", Long.class, id))
                .containsExactly(a, b);
        assertThat(jdbc.queryForObject("select attributes from geo_object where id = ?", String.class, id)).contains("\"length_km\":\"1.11\"");
        mvc.perform(post("/kropyvnytskyi/map/manage/routes/" + id).with(csrf()).with(TestAccounts.as(accounts, ADMIN))
                .param("stop", Long.toString(a)).param("stop", Long.toString(b)).param("add", Long.toString(c)))
                .andExpect(status().is3xxRedirection());

        // the second stop moves east: the line and length follow it
        CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveObject(places.getId(), b,
                new GeoEditing.ObjectInput(Map.of("name_uk", "Друга " + suffix, "latitude", "48.51", "longitude", "32.27"), null))));
        String geoJson = mvc.perform(get("/kropyvnytskyi/routes/" + id + "/route.geojson")).andReturn().getResponse().getContentAsString();
        assertThat((List<Double>) JsonPath.read(geoJson, "$.features[0].geometry.coordinates[*][0]")).containsExactly(32.26, 32.27, 32.27);

        // the second stop is deleted: the route runs from the start straight to the third, with its length
        CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> {
            editing.deleteObject(places.getId(), b);
            return null;
        }));
        assertThat(jdbc.queryForList("select stop_id from geo_route_stop where route_id = ? order by position", Long.class, id))
                .containsExactly(a, c);
        geoJson = mvc.perform(get("/kropyvnytskyi/routes/" + id + "/route.geojson")).andReturn().getResponse().getContentAsString();
        assertThat((List<Double>) JsonPath.read(geoJson, "$.features[0].geometry.coordinates[*][1]")).containsExactly(48.5, 48.51);
        assertThat(((Number) JsonPath.read(geoJson, "$.features[0].properties.length_m")).intValue()).isBetween(1330, 1340);
    }
}
