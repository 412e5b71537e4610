package ua.viche.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ua.viche.opendata.domain.Dataset;
import ua.viche.opendata.domain.Frequency;
import ua.viche.opendata.domain.Licence;
import ua.viche.opendata.domain.Theme;

/** A dataset is overdue when its frequency has passed since its last update, counted in Kyiv days. */
class DatasetScheduleTest {

    private static Dataset updatedOn(Frequency f, String isoInstant) {
        Instant at = Instant.parse(isoInstant);
        Dataset d = new Dataset("x", Dataset.Origin.RESOLUTION, at);
        d.describe("Набір", "Set", "Опис", "", "", Theme.GOVE, "", Licence.CC_BY_4_0, f, null, null, null, null, "", "x", at);
        d.updated(at);
        return d;
    }

    @Test
    void aQuarterlyDatasetIsOverdueTheDayAfterThreeMonthsHavePassed() {
        Dataset d = updatedOn(Frequency.QUARTERLY, "2026-01-15T10:00:00Z");
        assertThat(d.dueDay()).contains(LocalDate.of(2026, 4, 15));
        assertThat(d.shownStatus(LocalDate.of(2026, 4, 15))).isEqualTo(Dataset.Shown.PUBLISHED);
        assertThat(d.shownStatus(LocalDate.of(2026, 4, 16))).isEqualTo(Dataset.Shown.OVERDUE);
    }

    @Test
    void theDayIsKyivsAndANewUpdatePutsItBackOnTime() {
        Dataset d = updatedOn(Frequency.MONTHLY, "2026-01-31T22:30:00Z"); // 1 February in Kyiv
        assertThat(d.dueDay()).contains(LocalDate.of(2026, 3, 1));
        assertThat(d.shownStatus(LocalDate.of(2026, 3, 2))).isEqualTo(Dataset.Shown.OVERDUE);
        d.updated(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(d.shownStatus(LocalDate.of(2026, 3, 2))).isEqualTo(Dataset.Shown.PUBLISHED);
    }

    @Test
    void irregularPlannedAndWithdrawnDatasetsAreNeverOverdue() {
        assertThat(updatedOn(Frequency.IRREG, "2020-01-01T00:00:00Z").shownStatus(LocalDate.of(2026, 1, 1))).isEqualTo(Dataset.Shown.PUBLISHED);
        Dataset planned = new Dataset("p", Dataset.Origin.OWN, Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(planned.shownStatus(LocalDate.of(2026, 1, 1))).isEqualTo(Dataset.Shown.PLANNED);
        Dataset withdrawn = updatedOn(Frequency.DAILY, "2020-01-01T00:00:00Z");
        withdrawn.withdraw(Instant.parse("2020-02-01T00:00:00Z"));
        assertThat(withdrawn.shownStatus(LocalDate.of(2026, 1, 1))).isEqualTo(Dataset.Shown.WITHDRAWN);
    }
}
