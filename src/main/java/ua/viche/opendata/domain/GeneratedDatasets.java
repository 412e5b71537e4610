package ua.viche.opendata.domain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.opendata.OpendataModule;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Exclusive;
import ua.viche.platform.ModuleDescriptor;

/**
 * Datasets the platform holds itself: every module's open-data exports (its {@link ModuleDescriptor#exports()})
 * become the resources of one generated dataset of that module, pointing at the module's own export.
 * A refresh fetches each export through the module's public address, as any visitor would (the portal
 * reads no module's tables), and records a version when the bytes changed: size, SHA-256, time. The
 * job refreshes every community daily at the hour its setting names.
 */
@Service
public class GeneratedDatasets {

    private static final Logger log = LoggerFactory.getLogger(GeneratedDatasets.class);
    private static final String LOCK = "opendata.generated-refresh";

    /** Titles, theme and keywords of the generated datasets of modules that the Resolution 835 list does not name. */
    record Description(String titleUk, String titleEn, Theme theme, String keywords) {}

    static final Map<String, Description> DESCRIPTIONS = Map.of(
            "petitions", new Description("Електронні петиції, в тому числі інформація щодо їх розгляду", "E-petitions, including how they were considered", Theme.GOVE, "петиції"),
            "appeals", new Description("Статистика звернень громадян", "Statistics of citizens’ appeals", Theme.GOVE, "звернення, статистика"),
            "problems", new Description("Повідомлення мешканців про проблеми в громаді", "Residents’ reports of problems", Theme.REGI, "проблеми, благоустрій"),
            "budget", new Description("Проєкти громадського бюджету (бюджету участі) та результати голосування", "Participatory budget projects and voting results", Theme.ECON, "громадський бюджет"),
            "queue", new Description("Перелік адміністративних послуг, які надаються через центр надання адміністративних послуг", "Administrative services of the services centre", Theme.GOVE, "ЦНАП, послуги"),
            "geo", new Description("Шари геопорталу громади", "Layers of the community’s geoportal", Theme.REGI, "геопортал, карта"),
            "monitoring", new Description("Показники програми цифрового розвитку", "Indicators of the digital development programme", Theme.GOVE, "програма, показники"),
            "archive", new Description("Оцифрування архівних фондів", "Digitisation of archive fonds", Theme.EDUC, "архів, оцифрування"),
            "consultations", new Description("Пропозиції громадських обговорень і рішення щодо них", "Proposals of public consultations and the decisions on them", Theme.GOVE, "обговорення, пропозиції"),
            "civic", new Description("Громадські організації та місцеві ініціативи громади", "Civic organisations and local initiatives of the community", Theme.SOCI, "громадські організації, ініціативи"));

    private final ObjectProvider<ModuleDescriptor> modules;
    private final DatasetRepository datasets;
    private final ResourceRepository resources;
    private final Register register;
    private final Communities communities;
    private final Exclusive exclusive;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GeneratedDatasets(ObjectProvider<ModuleDescriptor> modules, DatasetRepository datasets, ResourceRepository resources, Register register,
                      Communities communities, Exclusive exclusive, TransactionTemplate tx, Environment environment, Clock clock) {
        this.modules = modules;
        this.datasets = datasets;
        this.resources = resources;
        this.register = register;
        this.communities = communities;
        this.exclusive = exclusive;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    /** The exports the modules offer in the current community, by module name (the portal's own excluded). */
    public Map<String, Map<String, String>> exports() {
        Community c = CurrentCommunity.require();
        Map<String, Map<String, String>> out = new TreeMap<>();
        modules.orderedStream().filter(m -> !m.name().equals("opendata") && m.enabledIn(c)).forEach(m -> {
            Map<String, String> exports = m.exports(c);
            if (!exports.isEmpty()) {
                out.put(m.name(), new TreeMap<>(exports));
            }
        });
        return out;
    }

    /** Makes sure every module's export has its dataset and resource in the current community. */
    public void sync() {
        tx.executeWithoutResult(s -> {
            Instant now = clock.instant();
            for (Map.Entry<String, Map<String, String>> e : exports().entrySet()) {
                String module = e.getKey();
                Dataset d = datasets.findBySourceModule(module).orElseGet(() -> create(module, now));
                List<DatasetResource> existing = resources.findByDatasetIdOrderByPosition(d.getId());
                int position = existing.size();
                for (Map.Entry<String, String> export : e.getValue().entrySet()) {
                    if (existing.stream().noneMatch(r -> export.getValue().equals(r.getExportPath()))) {
                        Optional<Format> format = Format.ofName(export.getValue());
                        if (format.isPresent()) {
                            resources.save(new DatasetResource(d.getId(), position++, export.getKey(), format.get(), null, export.getValue(), now));
                        }
                    }
                }
            }
        });
    }

    private Dataset create(String module, Instant now) {
        Description desc = DESCRIPTIONS.getOrDefault(module, new Description(module, module, Theme.GOVE, module));
        String name = datasets.findByName(module).isPresent() ? "generated-" + module : module;
        Dataset d = new Dataset(name, Dataset.Origin.GENERATED, now);
        d.describe(desc.titleUk(), desc.titleEn(), desc.titleUk() + ". Формується платформою автоматично з даних модуля.",
                desc.titleEn() + ". Generated by the platform from the module's own data.", desc.keywords(), desc.theme(), "",
                Licence.CC_BY_4_0, Frequency.DAILY, null, null, null, null, CurrentCommunity.require().nameUk(), name, now);
        d.generatedBy(module);
        return datasets.save(d);
    }

    /** Syncs and fetches every generated resource of the current community; returns how many got a new version. */
    public int refresh() {
        sync();
        String slug = CurrentCommunity.require().slug();
        List<DatasetResource> generated = tx.execute(s -> {
            List<DatasetResource> out = new ArrayList<>();
            for (Dataset d : datasets.findAll()) {
                if (d.getOrigin() == Dataset.Origin.GENERATED && d.getStatus() != Dataset.Status.WITHDRAWN) {
                    resources.findByDatasetIdOrderByPosition(d.getId()).stream().filter(DatasetResource::isGenerated).forEach(out::add);
                }
            }
            return out;
        });
        int changed = 0;
        for (DatasetResource r : generated == null ? List.<DatasetResource>of() : generated) {
            Optional<byte[]> bytes = fetch(slug, r.getExportPath());
            if (bytes.isPresent() && register.recordGenerated(r.getId(), bytes.get(), clock.instant())) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * The first rows of a generated CSV resource as its module serves it now (header first), for the
     * dataset's page; empty when it is no generated CSV, or the module does not answer, or it does not read.
     */
    public List<List<String>> preview(DatasetResource r) {
        if (!r.isGenerated() || r.getFormat() != Format.CSV) {
            return List.of();
        }
        return fetch(CurrentCommunity.require().slug(), r.getExportPath()).map(UploadCheck::preview).orElse(List.of());
    }

    /** The bytes a module's export answers now, through the application's own address; empty when it does not answer 200. */
    Optional<byte[]> fetch(String slug, String path) {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + slug + "/" + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept-Language", "uk").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("Open data: {} of {} answered {}", path, slug, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            log.warn("Open data: {} of {} could not be fetched: {}", path, slug, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Hourly: refreshes each community whose refresh hour it is (setting {@code opendata.refreshHour}, Kyiv time). */
    @Scheduled(cron = "${viche.opendata.refresh-cron:0 5 * * * *}", zone = "Europe/Kyiv")
    public void scheduled() {
        int hour = clock.instant().atZone(Dates.KYIV).getHour();
        exclusive.run(LOCK, () -> communities.forEach(c -> {
            if (OpendataModule.REFRESH_HOUR.value(c) == hour) {
                refresh();
            }
        }));
    }
}
