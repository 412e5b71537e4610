package ua.viche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.ModuleDescriptor;
import ua.viche.platform.Setting;
import ua.viche.search.SearchProvider;

/**
 * Every module states its manifest and keeps it: a descriptor named as the module; settings whose
 * defaults are valid values of their own type, with labels in both languages; personal-data hooks
 * (export and erasure) in every module that is not the platform, identity or search; a search
 * provider exactly where the descriptor says the module is searchable; map layers that answer GeoJSON.
 */
@IntegrationTest
class ModuleManifestTest {

    /** Modules that hold no people's content of their own: the shell, the accounts themselves, the index. */
    private static final Set<String> WITHOUT_PERSONAL_DATA = Set.of("platform", "identity", "search");

    private static final ApplicationModules MODULES = ApplicationModules.of(VicheApplication.class);

    @Autowired List<ModuleDescriptor> descriptors;
    @Autowired List<PersonalData> personalData;
    @Autowired List<SearchProvider> searchProviders;
    @Autowired MessageSource messages;
    @Autowired Communities communities;
    @Autowired MockMvc mvc;

    @Test
    void everyModuleButThePlatformHasOneDescriptorNamedAsItself() {
        Map<String, String> byModule = new HashMap<>();
        for (ModuleDescriptor d : descriptors) {
            String module = moduleOf(d);
            assertThat(byModule.put(module, d.name())).as("one descriptor in %s", module).isNull();
            assertThat(d.name()).isEqualTo(module);
        }
        assertThat(byModule.keySet()).containsExactlyInAnyOrderElementsOf(
                MODULES.stream().map(m -> m.getIdentifier().toString()).filter(m -> !m.equals("platform")).toList());
    }

    @Test
    void everyModuleWithPeoplesContentExportsAndErasesIt() {
        Map<String, Integer> hooks = new HashMap<>();
        personalData.forEach(p -> hooks.merge(moduleOf(p), 1, Integer::sum));
        for (ApplicationModule module : MODULES) {
            String name = module.getIdentifier().toString();
            if (WITHOUT_PERSONAL_DATA.contains(name)) {
                assertThat(hooks).as("%s holds no people's content", name).doesNotContainKey(name);
            } else {
                assertThat(hooks.get(name)).as("module %s has one PersonalData bean (export and erasure)", name).isEqualTo(1);
            }
        }
    }

    @Test
    void aModuleIsSearchableExactlyWhenItHasASearchProvider() {
        Set<String> providing = new HashSet<>();
        searchProviders.forEach(p -> providing.add(moduleOf(p)));
        Set<String> searchable = new HashSet<>();
        descriptors.stream().filter(ModuleDescriptor::searchable).forEach(d -> searchable.add(d.name()));
        assertThat(searchable).isNotEmpty().containsExactlyInAnyOrderElementsOf(providing);
    }

    @Test
    void settingsAreDeclaredOnceWithValidDefaultsAndLabels() {
        Set<String> keys = new HashSet<>();
        for (ModuleDescriptor d : descriptors) {
            for (Setting<?> s : d.settings()) {
                assertThat(keys.add(s.key())).as("%s is declared once", s.key()).isTrue();
                assertThat(s.key()).as("a key names its module (or the platform, for the community's own)")
                        .matches("(" + d.name() + "|platform)\\.[A-Za-z]+");
                assertThat(defaultIsValid(s)).as("the default of %s is a value of its own type", s.key()).isTrue();
                for (Locale locale : List.of(Locale.forLanguageTag("uk"), Locale.ENGLISH)) {
                    assertThat(messages.getMessage(s.labelKey(), null, null, locale)).as("%s label in %s", s.key(), locale).isNotBlank();
                }
            }
            assertThat(d.enabled().key()).isEqualTo(d.name() + ".enabled");
        }
    }

    @Test
    void mapLayersAnswerGeoJson() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        Set<String> keys = new HashSet<>();
        int layers = 0;
        for (ModuleDescriptor d : descriptors) {
            for (ModuleDescriptor.MapLayer layer : CurrentCommunity.callAs(k, () -> d.mapLayers(k))) {
                layers++;
                assertThat(keys.add(layer.key())).as("layer keys are unique").isTrue();
                for (Locale locale : List.of(Locale.forLanguageTag("uk"), Locale.ENGLISH)) {
                    assertThat(messages.getMessage(layer.titleKey(), layer.titleArgs().toArray(), null, locale)).isNotBlank();
                }
                String body = mvc.perform(get("/kropyvnytskyi/" + layer.path())).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString();
                assertThat(body).as(layer.path()).contains("\"type\":\"FeatureCollection\"");
            }
        }
        assertThat(keys).as("the problem reports and the CNAP offices are layers").contains("problems", "cnap-offices");
        assertThat(layers).isGreaterThan(1);
    }

    private static <T> boolean defaultIsValid(Setting<T> s) {
        return s.check(s.format(s.defaultValue())).isEmpty() && s.parse(s.format(s.defaultValue())).equals(s.defaultValue());
    }

    private static String moduleOf(Object bean) {
        Class<?> type = AopUtils.getTargetClass(bean);
        return MODULES.getModuleByType(type.getName()).orElseThrow().getIdentifier().toString();
    }
}
