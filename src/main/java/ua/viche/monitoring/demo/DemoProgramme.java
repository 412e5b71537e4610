package ua.viche.monitoring.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.VicheSettings;

/**
 * Demo programme: Kropyvnytskyi's Digital Development Programme 2025–2027 — its five priorities,
 * the 49 monitoring figures of annex 3 and the 51 indicators of annex 2 as the council's document
 * prints them — loaded through the same import as a council's own tables. Once per community.
 */
@Component
@Order(70)
class DemoProgramme implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final ProgrammeService programmes;
    private final ProgrammeImport imports;

    DemoProgramme(VicheSettings settings, Communities communities, ProgrammeService programmes, ProgrammeImport imports) {
        this.settings = settings;
        this.communities = communities;
        this.programmes = programmes;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        communities.bySlug("kropyvnytskyi").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (!programmes.programmes().isEmpty()) {
                return;
            }
            long id = imports.load(new ProgrammeImport.Header("Програма цифрового розвитку на 2025–2027 роки",
                            "Digital Development Programme 2025–2027", 2025, 2027,
                            "Рішення Кропивницької міської ради «Про затвердження Програми цифрового розвитку на 2025–2027 роки»"),
                    new ProgrammeImport.Tables(table("priorities"), table("figures"), table("indicators")));
            log.info("Demo programme loaded in {}: programme {}", c.slug(), id);
        }));
    }

    private static List<Map<String, String>> table(String name) {
        try (InputStream in = DemoProgramme.class.getResourceAsStream("/monitoring/kropyvnytskyi/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("missing demo table " + name);
            }
            return ProgrammeImport.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
