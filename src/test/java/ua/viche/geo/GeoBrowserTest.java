package ua.viche.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.geo.domain.GeoEditing;
import ua.viche.geo.domain.Geometries;
import ua.viche.geo.domain.Layer;
import ua.viche.geo.domain.StandardLayer;
import ua.viche.identity.Identity;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.identity.domain.RoleService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Role;
import ua.viche.platform.TestCommunities;

/**
 * The geoportal in real Chromium, with JavaScript off and on, every page audited with axe-core: a
 * resident finds the nearest clinic with a sign-language interpreter from an address and opens it;
 * a visitor follows a route; an official creates a layer and imports a GeoJSON file into it; a
 * click on the map lists the places nearest to it, and a map whose tiles cannot load says so while
 * the list and the places' pages work.
 */
@IntegrationTest
class GeoBrowserTest {

    private static final String ADMIN = "admin@kropyvnytskyi.demo";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;
    @Autowired AccountRepository accounts;
    @Autowired RoleService roles;
    @Autowired Identity identity;
    @Autowired GeoEditing editing;

    private long kropyvnytskyi() {
        return jdbc.queryForObject("select id from community where slug = 'kropyvnytskyi'", Long.class);
    }

    @Test
    void theNearestClinicWithASignLanguageInterpreterFromAnAddress() {
        long k = kropyvnytskyi();
        Map<String, Object> from = jdbc.queryForMap("select address, latitude, longitude from geo_object where community_id = ?"
                + " and layer_slug = 'shelters' and address !~ '[0-9].*,' order by id limit 1", k);
        double lat = (Double) from.get("latitude");
        double lon = (Double) from.get("longitude");
        List<Map<String, Object>> clinics = jdbc.queryForList("select id, name_uk, latitude, longitude from geo_object where community_id = ?"
                + " and layer_slug = 'health' and substr(access, 4, 1) = 'Y'", k);
        Map<String, Object> nearest = clinics.stream().min(Comparator.comparingDouble(
                c -> Geometries.distance(lat, lon, (Double) c.get("latitude"), (Double) c.get("longitude")))).orElseThrow();

        try (Journey j = Journey.start(port)) {
            for (Browser b : List.of(j.noJs(), j.withJs())) {
                b.open("/kropyvnytskyi/map");
                b.find(By.cssSelector("label[for='layer-health']")).click();
                b.find(By.cssSelector("label[for='access-sign_language']")).click();
                b.find(By.id("address")).sendKeys((String) from.get("address"));
                b.clickAndWait(By.id("geo-apply"));
                b.waitForPathMatching(".*address=.*");
                assertThat(b.path()).contains("layer=health", "access=sign_language");
                assertThat(b.find(By.id("located")).getText()).contains((String) from.get("address"));
                assertThat(b.find(By.cssSelector("#geo-list li:first-child h3 a")).getText()).isEqualTo(nearest.get("name_uk"));
                assertThat(b.find(By.id("list-title")).getText()).isEqualTo("Знайдено: " + clinics.size());
                if (b.javascript()) {
                    b.wait(d -> !d.findElements(By.cssSelector("#geo-map[data-loaded=true] .geo-marker, #geo-map[data-loaded=true] .marker-cluster")).isEmpty());
                    assertThat(b.find(By.id("geo-map")).isDisplayed()).isTrue();
                }
                b.assertAccessible("map with filters, JavaScript " + (b.javascript() ? "on" : "off"));
                b.clickAndWait(By.cssSelector("#geo-list li:first-child h3 a"));
                b.waitForPath("/kropyvnytskyi/map/health/" + nearest.get("id"));
                assertThat(b.heading()).isEqualTo(nearest.get("name_uk"));
                assertThat(b.mainText()).contains("Сурдоперекладач: так", "Повідомити про проблему тут");
                b.assertAccessible("clinic page, JavaScript " + (b.javascript() ? "on" : "off"));
                if (!b.javascript()) {
                    b.clickAndWait(By.linkText("Табличка з QR-кодом для друку"));
                    assertThat(b.find(By.cssSelector("svg.qr")).getDomAttribute("aria-label")).isEqualTo(nearest.get("name_uk"));
                    b.assertAccessible("printable plate, JavaScript off");
                }
            }
        }
    }

    @Test
    void aVisitorFollowsTheAccessibleRouteStopByStop() {
        long k = kropyvnytskyi();
        long route = jdbc.queryForObject("select id from geo_object where community_id = ? and layer_slug = 'routes'"
                + " and name_uk = 'Старе місто пішки'", Long.class, k);
        List<String> stops = jdbc.queryForList("select o.name_uk from geo_route_stop s join geo_object o on o.id = s.stop_id"
                + " where s.route_id = ? order by s.position", String.class, route);
        assertThat(stops).hasSizeGreaterThanOrEqualTo(5);
        try (Journey j = Journey.start(port)) {
            for (Browser b : List.of(j.noJs(), j.withJs())) {
                String on = "JavaScript " + (b.javascript() ? "on" : "off");
                b.open("/kropyvnytskyi/map");
                b.clickAndWait(By.id("routes-link"));
                b.waitForPath("/kropyvnytskyi/routes");
                b.assertAccessible("routes list, " + on);
                b.clickAndWait(By.linkText("Старе місто пішки"));
                b.waitForPath("/kropyvnytskyi/routes/" + route);
                assertThat(b.heading()).isEqualTo("Старе місто пішки");
                assertThat(b.mainText()).contains("Доступний маршрут", "хв пішки", "Зупинок: " + stops.size());
                assertThat(b.driver().findElements(By.cssSelector("#geo-list > li h3 a")).stream().map(e -> e.getText()).toList())
                        .containsExactlyElementsOf(stops);
                if (b.javascript()) {
                    b.wait(d -> d.findElements(By.cssSelector("#geo-map .geo-marker")).size() == stops.size());
                    assertThat(b.driver().findElements(By.cssSelector("#geo-map path.leaflet-interactive"))).isNotEmpty();
                    assertThat(b.find(By.cssSelector("#geo-map .geo-marker")).getDomAttribute("title")).isEqualTo("1. " + stops.get(0));
                }
                b.assertAccessible("route page, " + on);
                if (!b.javascript()) {
                    b.clickAndWait(By.id("route-print"));
                    assertThat(b.driver().findElements(By.cssSelector("#print-stops li")).size()).isEqualTo(stops.size());
                    b.assertAccessible("printable route, JavaScript off");
                    b.open("/kropyvnytskyi/routes/" + route);
                }
                b.clickAndWait(By.cssSelector("#stop-2 h3 a"));
                assertThat(b.heading()).isEqualTo(stops.get(1));
                assertThat(b.mainText()).contains("Вхід без сходинок: так");
            }
        }
    }

    @Test
    void anOfficialCreatesALayerAndImportsAGeoJsonFile() throws IOException {
        Path file = Files.createTempFile("layer-", ".geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[32.262,48.508]},
                  "properties":{"name_uk":"Пункт видачі води № 1","name_en":"Water point No. 1","address":"вул. Дворцова, 3","access_ramp":"yes"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[32.271,48.512]},
                  "properties":{"name_uk":"Пункт видачі води № 2","access_step_free":"no"}}]}""", StandardCharsets.UTF_8);
        Path bad = Files.createTempFile("layer-bad-", ".geojson");
        Files.writeString(bad, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[32.262,48.508]},"properties":{"name_uk":"Добрий"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[48.508,32.262]},"properties":{"name_uk":"Переставлений"}}]}""",
                StandardCharsets.UTF_8);
        try (Journey j = Journey.start(port)) {
            j.signInWithPassword(ADMIN);
            j.withJs().copySessionFrom(j.noJs());
            for (Browser b : List.of(j.noJs(), j.withJs())) {
                String on = "JavaScript " + (b.javascript() ? "on" : "off");
                String slug = "water-" + Journey.suffix();
                b.open("/kropyvnytskyi/map/manage");
                b.assertAccessible("map layers, " + on);
                b.open("/kropyvnytskyi/map/manage/layers/new");
                b.assertAccessible("new layer form, " + on);
                b.find(By.id("slug")).sendKeys(slug);
                b.find(By.id("nameUk")).sendKeys("Пункти видачі води");
                b.find(By.id("nameEn")).sendKeys("Water points");
                b.find(By.id("label")).sendKeys("В");
                b.clickAndWait(By.cssSelector("main form button[type=submit]"));
                b.waitForPathMatching("/kropyvnytskyi/map/manage/layers/\\d+");
                assertThat(b.find(By.cssSelector("#main .notice[role=status]")).getText()).isEqualTo("Збережено.");
                b.assertAccessible("layer's objects, " + on);
                // a file with a refused feature: nothing is imported, and the report says which and why
                b.find(By.id("file")).sendKeys(bad.toString());
                b.clickAndWait(By.cssSelector("#import-form button[type=submit]"));
                assertThat(b.mainText()).contains("Нічого не імпортовано", "схоже, широту й довготу переставлено");
                b.assertAccessible("import report with a refused feature, " + on);
                b.open("/kropyvnytskyi/map/manage/layers/" + jdbc.queryForObject("select id from geo_layer where slug = ?", Long.class, slug));
                b.find(By.id("file")).sendKeys(file.toString());
                b.clickAndWait(By.cssSelector("#import-form button[type=submit]"));
                assertThat(b.find(By.id("import-result")).getText()).contains("Імпортовано об’єктів: 2");
                b.assertAccessible("import report, " + on);
                b.open("/kropyvnytskyi/map/" + slug);
                assertThat(b.mainText()).contains("Пункт видачі води № 1", "Пункт видачі води № 2", "Знайдено: 2").doesNotContain("Добрий");
                b.assertAccessible("the new public layer, " + on);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(bad);
        }
    }

    @Test
    void aClickOnTheMapListsThePlacesNearestToItAndAMapWithoutTilesSaysSoWhileTheListWorks() {
        // a community whose base map cannot load: its tile server does not exist
        Community c = TestCommunities.create(communities, "geo");
        communities.putSetting(c.id(), GeoModule.TILES, "https://tiles.invalid/{z}/{x}/{y}.png");
        long admin = accounts.findByEmail(ADMIN).orElseThrow().getId();
        CurrentCommunity.runAs(c, () -> roles.grant(admin, Role.COMMUNITY_ADMIN, null, null));
        CurrentCommunity.runAs(c, () -> identity.callAs(ADMIN, () -> {
            Layer health = editing.enable(StandardLayer.HEALTH);
            for (String[] p : List.of(new String[] {"Амбулаторія на півночі", "48.53"}, new String[] {"Амбулаторія на півдні", "48.49"})) {
                editing.saveObject(health.getId(), null, new GeoEditing.ObjectInput(Map.of("name_uk", p[0], "latitude", p[1],
                        "longitude", "32.26", "hours", "24/7"), null));
            }
            return null;
        }));
        String failed = "Не вдалося завантажити базову карту. Список і сторінки об’єктів працюють і без неї.";
        try (Journey j = Journey.start(port)) {
            Browser b = j.withJs();
            b.open("/" + c.slug() + "/map");
            b.wait(d -> d.findElement(By.id("geo-map-status")).getText().equals(failed));
            assertThat(b.find(By.id("list-title")).getText()).isEqualTo("Знайдено: 2");
            assertThat(b.find(By.id("geo-map-hint")).isDisplayed()).isTrue();
            b.wait(d -> d.findElements(By.cssSelector("#geo-map[data-loaded=true] .geo-marker")).size() == 2);
            b.assertAccessible("map without its tiles, JavaScript on");

            // a click on the map itself, west of the northern place (clear of the controls in the corners): the list comes nearest first from there
            WebElement map = b.find(By.id("geo-map"));
            WebElement north = b.driver().findElements(By.cssSelector("#geo-map .geo-marker")).stream()
                    .filter(m -> "Амбулаторія на півночі".equals(m.getDomAttribute("title"))).findFirst().orElseThrow();
            int dx = north.getRect().getX() + north.getRect().getWidth() / 2 - (map.getRect().getX() + map.getRect().getWidth() / 2) - 120;
            int dy = north.getRect().getY() + north.getRect().getHeight() / 2 - (map.getRect().getY() + map.getRect().getHeight() / 2);
            ((JavascriptExecutor) b.driver()).executeScript("window.__vicheLeaving = true");
            new Actions(b.driver()).moveToElement(map, dx, dy).click().perform();
            b.waitForPathMatching(".*lat=.*lon=.*");
            b.wait(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return !window.__vicheLeaving && document.readyState === 'complete'")));
            assertThat(b.mainText()).contains("Найближчі — першими.");
            assertThat(b.driver().findElements(By.cssSelector("#geo-list li h3 a")).stream().map(WebElement::getText).toList())
                    .containsExactly("Амбулаторія на півночі", "Амбулаторія на півдні");
            assertThat(b.find(By.cssSelector("#geo-list li:first-child .distance")).getText()).matches("\\d+ м|\\d+[,.]\\d км");
            b.assertAccessible("places nearest to a point clicked on the map, JavaScript on");

            // the place's page works without the base map too, and says so
            b.clickAndWait(By.cssSelector("#geo-list li:first-child h3 a"));
            assertThat(b.heading()).isEqualTo("Амбулаторія на півночі");
            assertThat(b.mainText()).contains("Зараз відчинено", "Сурдоперекладач: невідомо");
            b.wait(d -> d.findElement(By.id("geo-map-status")).getText().equals(failed));
            b.assertAccessible("a place's page without the base map, JavaScript on");
        }
    }
}
