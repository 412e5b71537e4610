package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import ua.viche.monitoring.domain.IndicatorCalculation;
import ua.viche.monitoring.domain.IndicatorCalculation.Discrepancy;
import ua.viche.monitoring.domain.ProgrammeTables;
import ua.viche.monitoring.domain.ProgrammeTables.FigureRow;
import ua.viche.monitoring.domain.ProgrammeTables.IndicatorRow;
import ua.viche.monitoring.domain.Task;
import ua.viche.monitoring.domain.TaskTables;

/**
 * Kropyvnytskyi's Digital Development Programme 2025–2027 (annexes 2 and 3, as the demo loads them):
 * every indicator recomputed from the figures equals the printed value at its printed precision, for
 * the baseline, each year and the dynamics, except the discrepancies of the source document listed
 * here with their reasons. Any other difference fails.
 */
class SeedProgrammeTest {

    /** The source document's own discrepancies, by indicator and place, with the reason. */
    private static final Map<String, String> KNOWN = Map.of(
            "4.1 2024", "printed as a share (A/B = 0.1195), not the percentage its formula (A/B)*100 gives (11.95)",
            "4.1 2025", "printed as a share (A/B = 0.3061), not the percentage its formula (A/B)*100 gives (30.61)",
            "4.1 2026", "printed as a share (A/B = 0.3257), not the percentage its formula (A/B)*100 gives (32.57)",
            "4.1 2027", "printed as a share (A/B = 0.3470), not the percentage its formula (A/B)*100 gives (34.70)",
            "5.4 dynamics", "10.33 is the mean of 30.99, 0 and 0: the step 2025→2026 is taken as nil, while the "
                    + "population grows from 237,800 to 238,200 and the places per thousand fall by 0.17 %");

    @Test
    void everyIndicatorFollowsFromItsFiguresButTheListedDiscrepancies() throws IOException {
        ProgrammeTables.Read read = ProgrammeTables.read(rows("figures.csv"), rows("indicators.csv"), 2024);
        assertThat(read.faults()).isEmpty();
        assertThat(read.years()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(read.figures()).hasSize(49);
        assertThat(read.indicators()).hasSize(51);

        Map<String, Map<Integer, BigDecimal>> figures = new LinkedHashMap<>();
        for (FigureRow f : read.figures()) {
            figures.put(f.code(), f.values());
        }
        Map<String, String> found = new TreeMap<>();
        int formulas = 0;
        int dynamics = 0;
        for (IndicatorRow i : read.indicators()) {
            IndicatorCalculation.Result r = IndicatorCalculation.calculate(i.type(), i.formula(), i.whenZero(), read.years(),
                    i.values(), figures, i.dynamics());
            formulas += i.formula() == null ? 0 : 1;
            dynamics += r.dynamics() != null && i.dynamics() != null ? 1 : 0;
            for (Discrepancy d : r.discrepancies()) {
                found.put(i.code() + " " + d.where(), d.published() + " ≠ " + d.computed());
            }
        }
        assertThat(formulas).isEqualTo(28);
        assertThat(dynamics).isEqualTo(51);
        assertThat(found).as("differences from the printed values").containsOnlyKeys(KNOWN.keySet());
        assertThat(found).containsEntry("4.1 2024", "0.12 ≠ 11.95").containsEntry("5.4 dynamics", "10.33 ≠ 10.28");
    }

    /**
     * Annex 1: the 44 tasks' planned money adds up, year by year, to the totals the programme prints for
     * each direction and for the whole programme, and the whole equals figure 3.1's forecast (the local
     * budget's spending on IT, in hryvnias). Direction 4 of annex 1 holds the tasks of priorities 4 and 5.
     * The document's line «місцевий бюджет» of task 1.3 prints 1604,85 for 2026 where its total, the
     * direction's total and figure 3.1 all need 1604,805: the table keeps 1604.805.
     */
    @Test
    void theTasksBudgetAddsUpToThePrintedTotalsAndToFigure31() throws IOException {
        TaskTables.Read read = TaskTables.read(rows("tasks.csv"), 2025, 2027);
        assertThat(read.faults()).isEmpty();
        assertThat(read.tasks()).hasSize(44);
        Map<String, Map<Integer, BigDecimal>> byDirection = new TreeMap<>();
        Map<Integer, BigDecimal> whole = new TreeMap<>();
        for (TaskTables.TaskRow t : read.tasks()) {
            for (Task.BudgetLine l : t.budget()) {
                assertThat(l.getSource()).isEqualTo(Task.Source.CITY);
                byDirection.computeIfAbsent(t.code().substring(0, t.code().indexOf('.')), k -> new TreeMap<>())
                        .merge(l.getYear(), l.getPlanned(), BigDecimal::add);
                whole.merge(l.getYear(), l.getPlanned(), BigDecimal::add);
            }
        }
        assertThat(byDirection.get("1")).isEqualTo(years("3585.250", "4622.449", "3947.584"));
        assertThat(byDirection.get("2")).isEqualTo(years("108.700", "216.800", "113.900"));
        assertThat(byDirection.get("3")).isEqualTo(years("325.000", "112.000", "36.000"));
        assertThat(byDirection.get("4")).isEqualTo(years("50.000", "55.000", "60.000"));
        assertThat(whole).isEqualTo(years("4068.950", "5006.249", "4157.484"));
        assertThat(whole.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("13232.683");

        FigureRow itSpending = ProgrammeTables.read(rows("figures.csv"), rows("indicators.csv"), 2024).figures().stream()
                .filter(f -> f.code().equals("3.1")).findFirst().orElseThrow();
        whole.forEach((year, thousands) -> assertThat(itSpending.values().get(year))
                .isEqualByComparingTo(thousands.movePointRight(3)));
    }

    private static Map<Integer, BigDecimal> years(String y2025, String y2026, String y2027) {
        return new TreeMap<>(Map.of(2025, new BigDecimal(y2025), 2026, new BigDecimal(y2026), 2027, new BigDecimal(y2027)));
    }

    private static List<Map<String, String>> rows(String file) throws IOException {
        try (Reader in = new InputStreamReader(SeedProgrammeTest.class.getResourceAsStream(
                "/monitoring/kropyvnytskyi/" + file), StandardCharsets.UTF_8)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(r.toMap());
            }
            return rows;
        }
    }
}
