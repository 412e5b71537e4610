package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no module reaches into another's internals; no cycles; the modules and their diagrams. */
class ModularityTest {

    static final List<String> MODULES = List.of("platform", "identity", "search", "petitions", "appeals", "problems", "budget", "queue",
            "archive", "certificates", "consultations", "monitoring", "geo", "civic", "opendata", "notifications");

    private final ApplicationModules modules = ApplicationModules.of(VicheApplication.class);

    @Test
    void boundariesHold() {
        modules.verify();
    }

    @Test
    void theModulesAreTheOnesDocumented() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()).toList())
                .containsExactlyInAnyOrderElementsOf(MODULES);
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

        String overview = Files.readString(folder.resolve("components.puml"));
        for (String module : MODULES) {
            String name = Character.toUpperCase(module.charAt(0)) + module.substring(1);
            assertThat(overview).as("the overview shows %s", module).contains("\"" + name + "\", $techn=\"Module\"");
            assertThat(folder.resolve("module-" + module + ".puml")).as("the diagram of %s", module).isNotEmptyFile();
        }
        assertThat(overview).as("the overview shows that petitions use the platform")
                .containsPattern("Rel\\(VicheApplication\\.VicheApplication\\.Petitions, VicheApplication\\.VicheApplication\\.Platform");
    }
}
