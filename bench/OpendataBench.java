// The open-data portal over HTTP (bench/opendata.sh): the community admin fills the register up to N
// published datasets through the management pages (the dataset form, then a CSV upload, which
// publishes it); then CKAN's package_search as a harvester and a visitor use it, package_list, and the
// DCAT-AP catalogue in its three syntaxes, each from one client one request after another
// (p50/p95/p99) and from 2 clients (requests/s).
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class OpendataBench {

    static final String SLUG = "kropyvnytskyi";
    static final String[] THEMES = {"GOVE", "ECON", "EDUC", "ENVI", "HEAL", "REGI", "SOCI", "TRAN"};
    static final String[] FREQUENCIES = {"MONTHLY", "QUARTERLY", "ANNUAL", "ANNUAL_2", "IRREG"};
    static final String[] TOPICS = {"ремонту доріг", "закладів освіти", "зупинок транспорту", "дитячих майданчиків", "зелених насаджень",
            "об’єктів культури", "аптек міста", "укриттів цивільного захисту", "пунктів незламності", "спортивних споруд"};
    static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");

    public static void main(String[] args) throws Exception {
        BenchClient.base = args[0];
        int target = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int requests = Integer.parseInt(args[3]);
        int catalogues = Integer.parseInt(args[4]);
        Random random = new Random(seed);

        BenchClient anonymous = new BenchClient();
        int before = count(anonymous);
        BenchClient admin = new BenchClient();
        admin.signInWithPassword("admin@" + SLUG + ".demo");
        admin.get("/" + SLUG + "/opendata/manage/new");
        long t0 = System.nanoTime();
        int made = 0;
        for (int i = 0; before + made < target; i++) {
            String name = "bench-" + seed + "-" + i;
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            HttpResponse<String> created = admin.post("/" + SLUG + "/opendata/manage", Map.ofEntries(Map.entry("name", name),
                    Map.entry("titleUk", "Перелік " + topic + " № " + (i + 1)), Map.entry("titleEn", "Bench dataset " + (i + 1)),
                    Map.entry("descriptionUk", "Відомості про стан " + topic + " у громаді, набір № " + (i + 1) + "."),
                    Map.entry("descriptionEn", ""), Map.entry("keywords", "тест, " + topic.split(" ")[1]),
                    Map.entry("theme", THEMES[random.nextInt(THEMES.length)]), Map.entry("legalBasis", ""), Map.entry("licence", "CC_BY_4_0"),
                    Map.entry("frequency", FREQUENCIES[random.nextInt(FREQUENCIES.length)]), Map.entry("contactEmail", ""),
                    Map.entry("spatial", "м. Кропивницький"), Map.entry("identifier", "")));
            if (created.statusCode() != 302 || !admin.location(created).endsWith("/" + name)) {
                throw new IllegalStateException("dataset form refused: " + created.statusCode());
            }
            StringBuilder csv = new StringBuilder("id,name,value\n");
            for (int r = 1; r <= 20; r++) {
                csv.append(r).append(",\"Рядок ").append(r).append("\",").append(random.nextInt(10_000)).append('\n');
            }
            HttpResponse<String> uploaded = admin.postMultipart("/" + SLUG + "/opendata/manage/" + name + "/upload", Map.of(),
                    Map.of("file", new BenchClient.Part("data.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))));
            if (uploaded.statusCode() != 302) {
                throw new IllegalStateException("upload refused: " + uploaded.statusCode());
            }
            made++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = count(anonymous);
        System.out.printf(Locale.ROOT, "register: %d published datasets before (demo), %d added through the form and a CSV upload in %.1f s"
                + " (%.1f datasets/s), %d published now%n", before, made, seconds, made / Math.max(seconds, 1e-9), total);
        if (total < target) {
            throw new IllegalStateException("only " + total + " datasets published");
        }

        String ckan = "/" + SLUG + "/api/3/action/";
        Random pages = new Random(seed + 1);
        int[] starts = new int[requests];
        for (int i = 0; i < requests; i++) {
            starts[i] = 100 * pages.nextInt(Math.max(1, total / 100));
        }
        String[] words = {"доріг", "дорога", "освіти", "транспорт", "майданчик", "укриття", "аптеки", "спорт"};
        BenchClient.measure("package_search rows=100 sort=id asc, random page", requests,
                i -> ckan + "package_search?rows=100&sort=" + enc("id asc") + "&start=" + starts[i], anonymous);
        BenchClient.measure("package_search rows=10, q=inflected word", requests,
                i -> ckan + "package_search?rows=10&q=" + enc(words[i % words.length]), anonymous);
        BenchClient.measure("package_search fq=metadata_modified (30 days), modified desc", requests,
                i -> ckan + "package_search?rows=100&sort=" + enc("metadata_modified desc") + "&fq="
                        + enc("metadata_modified:[NOW-30DAYS TO NOW]"), anonymous);
        BenchClient.measure("package_search rows=0, facets groups/tags/res_format", requests,
                i -> ckan + "package_search?rows=0&facet.field=" + enc("[\"groups\",\"tags\",\"res_format\"]"), anonymous);
        BenchClient.measure("package_list", requests / 5, i -> ckan + "package_list", anonymous);
        for (String syntax : List.of("ttl", "jsonld", "rdf")) {
            BenchClient.measure("DCAT-AP catalogue ." + syntax, catalogues, i -> "/" + SLUG + "/catalog." + syntax, anonymous);
        }
    }

    static int count(BenchClient client) throws Exception {
        HttpResponse<String> r = client.get("/" + SLUG + "/api/3/action/package_search?rows=0");
        Matcher m = COUNT.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("package_search failed: " + r.statusCode());
        }
        return Integer.parseInt(m.group(1));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
