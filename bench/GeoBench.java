// The geoportal over HTTP (bench/geo.sh): the community admin creates a layer and imports N seeded
// points as GeoJSON; then the features API (whole layer, a bounding box), the nearest objects and the
// map's list page are timed one request after another (p50/p95/p99) and from 2 clients (requests/s).
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

public final class GeoBench {

    // Kropyvnytskyi's area in the demo
    static final double MIN_LAT = 48.45, MAX_LAT = 48.58, MIN_LON = 32.15, MAX_LON = 32.37;
    static final String[] ACCESS = {"step_free", "ramp", "toilet", "sign_language", "braille", "audio", "mobility", "parking"};

    public static void main(String[] args) throws Exception {
        BenchClient.base = args[0];
        int n = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int whole = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        Random random = new Random(seed);

        BenchClient admin = new BenchClient();
        admin.signInWithPassword("admin@kropyvnytskyi.demo");
        admin.get("/kropyvnytskyi/map/manage/layers/new");
        String slug = "bench-" + n;
        HttpResponse<String> created = admin.post("/kropyvnytskyi/map/manage/layers", Map.of("slug", slug, "nameUk", "Тест " + n,
                "nameEn", "Bench " + n, "icon", "place", "colour", "#333333", "shape", "CIRCLE", "label", "B", "published", "on",
                "attributes", "", "position", "900"));
        String layerPath = admin.location(created);
        admin.get(layerPath);

        StringBuilder geoJson = new StringBuilder(n * 260).append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double lat = MIN_LAT + 0.001 + random.nextDouble() * (MAX_LAT - MIN_LAT - 0.002);
            double lon = MIN_LON + 0.001 + random.nextDouble() * (MAX_LON - MIN_LON - 0.002);
            StringBuilder access = new StringBuilder();
            for (String a : ACCESS) {
                int roll = random.nextInt(100);
                access.append(",\"access_").append(a).append("\":\"").append(roll < 30 ? "yes" : roll < 60 ? "no" : "unknown").append('"');
            }
            geoJson.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]},"
                            + "\"properties\":{\"name_uk\":\"Об’єкт № %d\",\"name_en\":\"Object No. %d\",\"address\":\"вул. Тестова, %d\"%s}}",
                    lon, lat, i + 1, i + 1, i + 1, access));
        }
        geoJson.append("]}");
        long t0 = System.nanoTime();
        HttpResponse<String> report = admin.postMultipart(layerPath + "/import", Map.of(),
                Map.of("file", new BenchClient.Part("bench.geojson", "application/geo+json", geoJson.toString().getBytes(StandardCharsets.UTF_8))));
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        if (report.statusCode() != 200 || !report.body().contains("import-result")) {
            throw new IllegalStateException("import failed: " + report.statusCode());
        }
        System.out.printf(Locale.ROOT, "import: %d features (%.1f MB of GeoJSON) in %.1f s, %.0f objects/s%n", n,
                geoJson.length() / 1e6, importSeconds, n / importSeconds);

        String api = "/api/v1/kropyvnytskyi/geo";
        BenchClient anonymous = new BenchClient();
        // a box of about 1.5 × 1.5 km in the middle of the area, and points spread over the area
        double cLat = (MIN_LAT + MAX_LAT) / 2, cLon = (MIN_LON + MAX_LON) / 2;
        String bbox = String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", cLon - 0.01, cLat - 0.007, cLon + 0.01, cLat + 0.007);
        Random points = new Random(seed + 1);
        List<double[]> from = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            from.add(new double[] {MIN_LAT + points.nextDouble() * (MAX_LAT - MIN_LAT), MIN_LON + points.nextDouble() * (MAX_LON - MIN_LON)});
        }
        BenchClient.measure("features, whole layer", whole, i -> api + "/layers/" + slug + "/features", anonymous);
        BenchClient.measure("features, bbox " + bbox, requests, i -> api + "/layers/" + slug + "/features?bbox=" + bbox, anonymous);
        BenchClient.measure("nearest 10, one layer", requests, i -> String.format(Locale.ROOT, "%s/nearest?lat=%.5f&lon=%.5f&layer=%s&limit=10", api,
                from.get(i)[0], from.get(i)[1], slug), anonymous);
        BenchClient.measure("nearest 10, one layer, access=ramp,toilet", requests, i -> String.format(Locale.ROOT,
                "%s/nearest?lat=%.5f&lon=%.5f&layer=%s&access=ramp,toilet&limit=10", api, from.get(i)[0], from.get(i)[1], slug), anonymous);
        BenchClient.measure("nearest 10, every public layer", requests, i -> String.format(Locale.ROOT, "%s/nearest?lat=%.5f&lon=%.5f&limit=10", api,
                from.get(i)[0], from.get(i)[1]), anonymous);
        BenchClient.measure("map list page, layer by distance", requests / 5, i -> String.format(Locale.ROOT,
                "/kropyvnytskyi/map/%s?lat=%.5f&lon=%.5f", slug, from.get(i)[0], from.get(i)[1]), anonymous);
        BenchClient.measure("map page, every layer", requests / 5, i -> "/kropyvnytskyi/map", anonymous);
    }
}
