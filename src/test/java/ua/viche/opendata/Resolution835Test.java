package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Resolution835;
import ua.viche.opendata.domain.Resolution835.Entry;

/** The Resolution 835 list: the 14 datasets of every information holder and the 54 of local self-government bodies. */
class Resolution835Test {

    private static final List<Entry> ENTRIES = Resolution835.ENTRIES;

    @Test
    void theListHolds68EntriesNumberedAsTheAnnexParts() {
        assertThat(ENTRIES).hasSize(68);
        assertThat(ENTRIES.stream().filter(e -> !e.local()).map(Entry::item))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, Resolution835.ALL_HOLDERS).boxed().toList());
        assertThat(ENTRIES.stream().filter(Entry::local).map(Entry::item))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, Resolution835.LOCAL_BODIES).boxed().toList());
        assertThat(ENTRIES.stream().map(Entry::legalBasis).distinct()).as("item numbers unique").hasSize(68);
        assertThat(ENTRIES.stream().map(Entry::name).distinct()).as("names unique").hasSize(68);
    }

    @Test
    void everyEntryHasItsNamesFrequencyThemeAndDepartment() {
        for (Entry e : ENTRIES) {
            assertThat(e.name()).as("address of %s", e.titleEn()).matches("[a-z0-9][a-z0-9-]{1,99}");
            assertThat(e.titleUk()).as(e.name()).isNotBlank().hasSizeLessThanOrEqualTo(500).matches(".*[а-яіїєґ].*")
                    .doesNotContain("'");
            assertThat(e.titleEn()).as(e.name()).isNotBlank().hasSizeLessThanOrEqualTo(500).matches("[A-Z][A-Za-z0-9 ,.:’'()\\-]+");
            assertThat(e.frequency()).as(e.name()).isNotNull();
            assertThat(e.theme()).as(e.name()).isNotNull();
            assertThat(e.keywords()).as(e.name()).isNotBlank();
            assertThat(e.departmentWords()).as(e.name()).isNotBlank();
            assertThat(e.legalBasis()).as(e.name()).endsWith(", п. " + e.item())
                    .startsWith(e.local() ? Resolution835.LEGAL_BASIS_LOCAL : Resolution835.LEGAL_BASIS_ALL);
        }
    }

    @Test
    void entriesThePlatformHoldsKeepTheirModule() {
        Map<String, String> generated = ENTRIES.stream().filter(e -> e.module() != null)
                .collect(Collectors.toMap(Entry::name, Entry::module));
        assertThat(generated).containsExactlyInAnyOrderEntriesOf(Map.of("petitions", "petitions", "administrative-services", "queue"));
        assertThat(ENTRIES.stream().filter(e -> e.module() != null)).allMatch(e -> e.frequency() == Frequency.DAILY && e.local());
    }
}
