package ua.viche.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.geo.domain.GeoEditing;
import ua.viche.geo.domain.GeoService;
import ua.viche.geo.domain.GeoTransfer;
import ua.viche.geo.domain.Geometries;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.MapObject;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * The geoportal's rules end to end on the real database: an import with good and bad rows is
 * refused whole with the reason for each, an export imported again gives the same layer, the
 * nearest objects come in the right order with the distances computed by hand, filters combine as
 * AND, and an official acts only on their department's layers.
 */
@IntegrationTest
class GeoFlowTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";
    /** An official of the IT directorate: the Wi-Fi zones are theirs, the clinics are not. */
    private static final String OFFICIAL = "official@kropyvnytskyi.demo";

    @Autowired MockMvc mvc;
    @Autowired GeoService geo;
    @Autowired GeoEditing editing;
    @Autowired GeoTransfer transfer;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired GeoModule module;

    Community k;

    @BeforeEach
    void setUp() {
        k = communities.bySlug("kropyvnytskyi").orElseThrow();
    }

    private Layer newLayer(String attributes) {
        String slug = "test-" + System.nanoTime();
        return CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveLayer(null, new GeoEditing.LayerInput(slug,
                "Тестовий шар " + slug, "Test layer " + slug, "place", "#123456", Layer.Shape.SQUARE, "T", null, true, attributes, 500))));
    }

    private static String feature(String geometry, String properties) {
        return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":{" + properties + "}}";
    }

    private static String point(double lon, double lat) {
        return "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}";
    }

    @Test
    void anImportWithBadRowsIsRefusedWholeWithEachReasonAndAGoodOneIsTakenWhole() throws Exception {
        Layer layer = newLayer("capacity | number | Місткість | Capacity");
        String bad = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(point(32.26, 48.51), "\"name_uk\":\"Укриття А\",\"capacity\":\"120\",\"access_ramp\":\"yes\"") + ","
                + feature(point(30.52, 50.45), "\"name_uk\":\"Київ\"") + ","
                + feature(point(48.51, 32.26), "\"name_uk\":\"Переставлені\"") + ","
                + feature("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.51],[32.26,48.50],[32.25,48.51],[32.25,48.50]]]}",
                        "\"name_uk\":\"Метелик\"") + ","
                + feature(point(32.27, 48.52), "\"name_uk\":\"Укриття Б\",\"capacity\":\"багато\"") + ","
                + feature(point(32.27, 48.52), "\"name_uk\":\"Укриття В\",\"access_ramp\":\"maybe\"") + "]}";
        GeoTransfer.Report report = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> transfer.importGeoJson(layer.getId(), bad)));
        assertThat(report.rows()).isEqualTo(6);
        assertThat(report.imported()).isZero();
        assertThat(report.refused()).extracting(GeoTransfer.Refused::row, GeoTransfer.Refused::key).containsExactly(
                tuple(2, "geo.error.outside"), tuple(3, "geo.error.swapped"),
                tuple(4, "geo.error.selfIntersection"),
                tuple(5, "geo.error.attributeValue.number"), tuple(6, "geo.error.answer"));
        assertThat(count(layer)).as("nothing half-imported").isZero();

        // the same over HTTP: the report page names each refused row
        String page = mvc.perform(multipart("/kropyvnytskyi/map/manage/layers/" + layer.getId() + "/import")
                        .file(new MockMultipartFile("file", "shelters.geojson", "application/geo+json", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(TestAccounts.as(accounts, ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Нічого не імпортовано", "схоже, широту й довготу переставлено", "перетинає сам себе", "«багато» — не число");
        assertThat(count(layer)).isZero();

        String csv = "name_uk,latitude,longitude,capacity,access_ramp\nУкриття А,48.51,32.26,120,yes\nУкриття Б,48.52,32.27,,no\n";
        GeoTransfer.Report good = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> transfer.importCsv(layer.getId(), csv)));
        assertThat(good.refused()).isEmpty();
        assertThat(good.imported()).isEqualTo(2);
        assertThat(count(layer)).isEqualTo(2);
        String badCsv = "name_uk,latitude,longitude\nДобре,48.51,32.26\nПереставлені,32.26,48.51\nБез місця,,\n";
        GeoTransfer.Report refused = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> transfer.importCsv(layer.getId(), badCsv)));
        assertThat(refused.refused()).extracting(GeoTransfer.Refused::row).containsExactly(3, 4);
        assertThat(count(layer)).isEqualTo(2);
    }

    private long count(Layer layer) {
        return jdbc.queryForObject("select count(*) from geo_object where layer_id = ?", Long.class, layer.getId());
    }

    @Test
    void anExportImportedAgainGivesTheSameLayer() throws Exception {
        String schema = "kind | choice | Тип | Kind | a, b\nhours | hours | Години | Hours\nfree | yes_no | Безкоштовно | Free";
        Layer source = newLayer(schema);
        String collection = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(point(32.26, 48.51), "\"name_uk\":\"Точка, з комою\",\"name_en\":\"Point \\\"quoted\\\"\",\"address\":\"вул. Тестова, 1\","
                        + "\"kind\":\"a\",\"hours\":\"Mo-Fr 08:00-17:00\",\"free\":\"yes\",\"access_sign_language\":\"yes\",\"access_ramp\":\"no\","
                        + "\"access_note\":\"Дзвінок біля дверей\",\"access_checked\":\"2026-03-01\",\"description_uk\":\"Рядок 1\\nРядок 2\"") + ","
                + feature("{\"type\":\"LineString\",\"coordinates\":[[32.25,48.50],[32.26,48.51],[32.27,48.51]]}", "\"name_uk\":\"Лінія\"") + ","
                + feature("{\"type\":\"Polygon\",\"coordinates\":[[[32.25,48.50],[32.26,48.50],[32.26,48.51],[32.25,48.51],[32.25,48.50]],"
                        + "[[32.252,48.502],[32.254,48.502],[32.254,48.504],[32.252,48.502]]]}", "\"name_uk\":\"Ділянка з отвором\",\"kind\":\"b\"") + "]}";
        CurrentCommunity.runAs(k, () -> identity.callAs(ADMIN, () -> transfer.importGeoJson(source.getId(), collection)));

        String geoJson = mvc.perform(get("/kropyvnytskyi/map/" + source.getSlug() + "/export.geojson")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String csv = mvc.perform(get("/kropyvnytskyi/map/" + source.getSlug() + "/export.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Layer fromGeoJson = newLayer(schema);
        Layer fromCsv = newLayer(schema);
        mvc.perform(multipart("/kropyvnytskyi/map/manage/layers/" + fromGeoJson.getId() + "/import")
                .file(new MockMultipartFile("file", "layer.geojson", "application/geo+json", geoJson.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk());
        mvc.perform(multipart("/kropyvnytskyi/map/manage/layers/" + fromCsv.getId() + "/import")
                .file(new MockMultipartFile("file", "layer.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf()).with(TestAccounts.as(accounts, ADMIN))).andExpect(status().isOk());
        List<String> original = contents(source);
        assertThat(original).hasSize(3);
        assertThat(contents(fromGeoJson)).isEqualTo(original);
        assertThat(contents(fromCsv)).isEqualTo(original);
    }

    /** Everything an object holds but its id, layer and times. */
    private List<String> contents(Layer layer) {
        return CurrentCommunity.callAs(k, () -> geo.objectsOf(layer.getId())).stream().map((MapObject o) -> String.join("|",
                o.getNameUk(), o.getNameEn(), String.valueOf(o.getAddress()), String.valueOf(o.getDescriptionUk()), o.getGeometryType(),
                o.getGeometry(), o.getAttributes(), o.getAccess(), String.valueOf(o.getAccessNote()), String.valueOf(o.getAccessChecked()))).toList();
    }

    @Test
    void nearestObjectsComeInOrderWithHandComputedDistancesAndFiltersCombineAsAnd() throws Exception {
        Layer layer = newLayer("");
        // from (48.50, 32.25): 0.01° north = 1,111.95 m; 0.01° east = 1,111.95 × cos 48.5° … at 48.50: 736.76 m; 0.005° north = 555.97 m
        String collection = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(point(32.25, 48.51), "\"name_uk\":\"Північ\",\"access_sign_language\":\"yes\",\"access_ramp\":\"yes\"") + ","
                + feature(point(32.26, 48.50), "\"name_uk\":\"Схід\",\"access_sign_language\":\"yes\",\"access_ramp\":\"no\"") + ","
                + feature(point(32.25, 48.505), "\"name_uk\":\"Близько\",\"access_ramp\":\"yes\"") + ","
                + feature(point(32.25, 48.53), "\"name_uk\":\"Далеко\",\"access_sign_language\":\"yes\",\"access_ramp\":\"yes\"") + "]}";
        CurrentCommunity.runAs(k, () -> identity.callAs(ADMIN, () -> transfer.importGeoJson(layer.getId(), collection)));
        double north = 6_371_008.8 * Math.PI / 180 * 0.01;
        double east = north * Math.cos(Math.toRadians(48.5));
        assertThat(north).isCloseTo(1111.95, offset(0.01));
        assertThat(east).isCloseTo(736.80, offset(0.01));

        String body = mvc.perform(get("/api/v1/kropyvnytskyi/geo/nearest").param("lat", "48.50").param("lon", "32.25")
                .param("layer", layer.getSlug()).param("limit", "10")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.features[*].properties.name")).containsExactly("Близько", "Схід", "Північ", "Далеко");
        List<Number> d = JsonPath.read(body, "$.features[*].properties.distance");
        assertThat(d.get(0).doubleValue()).isCloseTo(north / 2, offset(1.0));
        assertThat(d.get(1).doubleValue()).isCloseTo(east, offset(1.0)); // the haversine at the same latitude differs from it by centimetres
        assertThat(d.get(2).doubleValue()).isCloseTo(north, offset(1.0));
        assertThat(d.get(3).doubleValue()).isCloseTo(3 * north, offset(1.0));

        String both = mvc.perform(get("/api/v1/kropyvnytskyi/geo/nearest").param("lat", "48.50").param("lon", "32.25")
                .param("layer", layer.getSlug()).param("access", "sign_language,ramp")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(both, "$.features[*].properties.name")).containsExactly("Північ", "Далеко");
        String limited = mvc.perform(get("/api/v1/kropyvnytskyi/geo/nearest").param("lat", "48.50").param("lon", "32.25")
                .param("layer", layer.getSlug()).param("access", "sign_language").param("limit", "1")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(limited, "$.features[*].properties.name")).containsExactly("Схід");
        String words = mvc.perform(get("/api/v1/kropyvnytskyi/geo/layers/" + layer.getSlug() + "/features")
                .param("access", "ramp").param("q", "далеко")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(words, "$.features[*].properties.name")).containsExactly("Далеко");
        String box = mvc.perform(get("/api/v1/kropyvnytskyi/geo/layers/" + layer.getSlug() + "/features")
                .param("bbox", "32.245,48.495,32.255,48.515")).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(box, "$.features[*].properties.name")).containsExactlyInAnyOrder("Північ", "Близько");
        mvc.perform(get("/api/v1/kropyvnytskyi/geo/layers/" + layer.getSlug() + "/features").param("bbox", "1,2,3"))
                .andExpect(status().isBadRequest());

        // the page's list twin: the same order, paged on the server, with the filters in the query string
        String page = mvc.perform(get("/kropyvnytskyi/map").param("layer", layer.getSlug()).param("access", "sign_language")
                .param("access", "ramp").param("lat", "48.50").param("lon", "32.25")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Знайдено: 2").containsSubsequence("Північ", "Далеко").doesNotContain(">Схід<", ">Близько<");
    }

    @Test
    void everyPublicLayerIsOpenDataAsGeoJsonAndCsvInTheModulesExportsAndAHiddenOneIsNot() throws Exception {
        Layer shown = newLayer("");
        Layer hidden = CurrentCommunity.callAs(k, () -> identity.callAs(ADMIN, () -> editing.saveLayer(null, new GeoEditing.LayerInput(
                "hidden-" + System.nanoTime(), "Прихований шар", "Hidden layer", "place", "#123456", Layer.Shape.SQUARE, "X", null, false, "", 500))));
        Map<String, String> exports = module.exports(k);
        List<String> published = jdbc.queryForList("select slug from geo_layer where community_id = ? and published", String.class, k.id());
        assertThat(published).contains("health", "shelters", shown.getSlug());
        assertThat(exports).containsEntry("geo-layers.json", "map/layers.json");
        for (String slug : published) {
            assertThat(exports).containsEntry("geo-" + slug + ".geojson", "map/" + slug + "/export.geojson")
                    .containsEntry("geo-" + slug + ".csv", "map/" + slug + "/export.csv");
        }
        assertThat(exports).doesNotContainKeys("geo-" + hidden.getSlug() + ".geojson", "geo-" + hidden.getSlug() + ".csv");
        for (String path : exports.values()) { // the open-data portal fetches them as any visitor would
            mvc.perform(get("/kropyvnytskyi/" + path)).andExpect(status().isOk());
        }
        mvc.perform(get("/kropyvnytskyi/map/" + hidden.getSlug() + "/export.csv")).andExpect(status().isNotFound());
        // another community's exports are its own layers
        Community d = communities.bySlug("dmytrivka").orElseThrow();
        assertThat(module.exports(d)).containsKey("geo-health.csv").doesNotContainKey("geo-" + shown.getSlug() + ".geojson");
    }

    /** The official's form describing a layer as it is, with another English name and department. */
    private MockHttpServletRequestBuilder describe(Layer layer, String nameEn, Long departmentId) {
        return post("/kropyvnytskyi/map/manage/layers/" + layer.getId() + "/edit").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("nameUk", layer.getNameUk()).param("nameEn", nameEn).param("icon", layer.getIcon()).param("colour", layer.getColour())
                .param("shape", layer.getShape().name()).param("label", layer.getLabel())
                .param("departmentId", departmentId == null ? "" : departmentId.toString()).param("published", layer.isPublished() ? "on" : "")
                .param("position", Integer.toString(layer.getPosition())).param("attributes", layer.getAttributeLines());
    }

    @Test
    void anOfficialActsOnlyOnTheLayersOfTheirDepartment() throws Exception {
        Layer wifi = CurrentCommunity.callAs(k, () -> geo.layer("wifi")).orElseThrow();
        Layer health = CurrentCommunity.callAs(k, () -> geo.layer("health")).orElseThrow();
        String manage = mvc.perform(get("/kropyvnytskyi/map/manage").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(manage).contains(wifi.getNameUk()).doesNotContain(health.getNameUk());

        Map<String, String> form = Map.of("name_uk", "Зона Wi-Fi біля ратуші", "latitude", "48.51", "longitude", "32.26");
        var request = post("/kropyvnytskyi/map/manage/layers/" + wifi.getId() + "/objects").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL));
        form.forEach((key, value) -> request.param(key, value));
        mvc.perform(request).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from geo_object where layer_id = ? and name_uk = ?", Long.class,
                wifi.getId(), "Зона Wi-Fi біля ратуші")).isEqualTo(1);

        var refused = post("/kropyvnytskyi/map/manage/layers/" + health.getId() + "/objects").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL));
        form.forEach((key, value) -> refused.param(key, value));
        mvc.perform(refused).andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/map/manage/layers/" + health.getId()).with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isForbidden());
        long clinic = jdbc.queryForObject("select min(id) from geo_object where layer_id = ?", Long.class, health.getId());
        mvc.perform(post("/kropyvnytskyi/map/manage/layers/" + health.getId() + "/objects/" + clinic + "/delete").with(csrf())
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isForbidden());
        // nor through a layer of theirs
        mvc.perform(post("/kropyvnytskyi/map/manage/layers/" + wifi.getId() + "/objects/" + clinic + "/delete").with(csrf())
                .with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from geo_object where id = ?", Long.class, clinic)).isEqualTo(1);
        // new layers are the community admin's
        mvc.perform(get("/kropyvnytskyi/map/manage/layers/new").with(TestAccounts.as(accounts, OFFICIAL))).andExpect(status().isForbidden());
        mvc.perform(post("/kropyvnytskyi/map/manage/layers").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("slug", "taken-over-" + System.nanoTime()).param("nameUk", "Чужий").param("nameEn", "Other").param("label", "X")
                .param("colour", "#123456")).andExpect(status().isForbidden());
        // the official describes their department's layer, but not its department, and not another department's layer
        String layerForm = mvc.perform(get("/kropyvnytskyi/map/manage/layers/" + wifi.getId() + "/edit").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(layerForm).contains("id=\"layer-department\"", "name=\"departmentId\"").doesNotContain("<select id=\"departmentId\"");
        mvc.perform(describe(wifi, "Wi-Fi zones (free)", wifi.getDepartmentId())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "geo.manage.saved"));
        assertThat(jdbc.queryForObject("select name_en from geo_layer where id = ?", String.class, wifi.getId())).isEqualTo("Wi-Fi zones (free)");
        mvc.perform(describe(wifi, wifi.getNameEn(), health.getDepartmentId()))
                .andExpect(flash().attribute("error", "geo.error.departmentAdminOnly"));
        assertThat(jdbc.queryForObject("select department_id from geo_layer where id = ?", Long.class, wifi.getId()))
                .isEqualTo(wifi.getDepartmentId());
        mvc.perform(describe(wifi, wifi.getNameEn(), wifi.getDepartmentId())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select name_en from geo_layer where id = ?", String.class, wifi.getId())).isEqualTo(wifi.getNameEn());
        mvc.perform(get("/kropyvnytskyi/map/manage/layers/" + health.getId() + "/edit").with(TestAccounts.as(accounts, OFFICIAL)))
                .andExpect(status().isForbidden());
        mvc.perform(describe(health, "Taken over", health.getDepartmentId())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select name_en from geo_layer where id = ?", String.class, health.getId())).isEqualTo(health.getNameEn());
        // a resident has no map pages to manage
        mvc.perform(get("/kropyvnytskyi/map/manage").with(TestAccounts.as(accounts, "olena.kovalenko@example.org")))
                .andExpect(status().isForbidden());

        // a refused object comes back to its form with the reason
        var swapped = post("/kropyvnytskyi/map/manage/layers/" + wifi.getId() + "/objects").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                .param("name_uk", "Переставлені").param("latitude", "32.26").param("longitude", "48.51");
        mvc.perform(swapped).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "geo.error.swapped"));
        // accessibility checked on a day still to come (the community's day) is refused too
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Kyiv")).plusDays(1).toString();
        mvc.perform(post("/kropyvnytskyi/map/manage/layers/" + wifi.getId() + "/objects").with(csrf()).with(TestAccounts.as(accounts, OFFICIAL))
                        .param("name_uk", "Перевірено завтра").param("latitude", "48.51").param("longitude", "32.26")
                        .param("access_checked", tomorrow))
                .andExpect(flash().attribute("error", "geo.error.accessChecked"));
        assertThat(jdbc.queryForObject("select count(*) from geo_object where name_uk = 'Перевірено завтра'", Long.class)).isZero();
        assertThat(Geometries.distance(48.5, 32.25, 48.5, 32.25)).isZero();
    }
}
