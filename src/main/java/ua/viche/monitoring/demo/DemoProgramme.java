package ua.viche.monitoring.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.monitoring.domain.Figure;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.ProgrammeImport;
import ua.viche.monitoring.domain.Quarters.Quarter;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.Task;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.ThreadClock;
import ua.viche.platform.VicheSettings;
import ua.viche.search.SearchIndexing;

/**
 * Demo programme: Kropyvnytskyi's Digital Development Programme 2025–2027 — its five priorities,
 * the 44 tasks of annex 1 with their budget, the 49 monitoring figures of annex 3 and the 51
 * indicators of annex 2 as the council's document prints them — loaded through the same import as a council's own tables — and the departments'
 * quarterly reports since the programme began: every quarter accepted up to the one before the
 * last ended, and for the last ended quarter a mix of accepted, awaiting a decision, returned with
 * a reason and not yet entered (overdue once its day has passed). Values move from the baseline
 * towards each year's forecast with a small seeded deviation, whole numbers staying whole; the
 * figures the platform holds (1.11 petitions' signers, 1.12 online voters, 1.15 datasets published,
 * 2.5 and 2.6 CNAP offices with the e-queue and in all) are computed, not reported. Once per
 * community. Dmytrivka gets its IT strategy 2020–2022: the e-service targets of its action plan, the
 * share of electronic appeals and the petitions' users computed from the platform's own data.
 */
@Component
@Order(70)
class DemoProgramme implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);

    private final VicheSettings settings;
    private final Communities communities;
    private final ProgrammeService programmes;
    private final ProgrammeImport imports;
    private final FigureReporting reporting;
    private final JdbcTemplate jdbc;
    private final ThreadClock clock;
    private final SearchIndexing search;

    DemoProgramme(VicheSettings settings, Communities communities, ProgrammeService programmes, ProgrammeImport imports,
                  FigureReporting reporting, JdbcTemplate jdbc, ThreadClock clock, SearchIndexing search) {
        this.search = search;
        this.reporting = reporting;
        this.jdbc = jdbc;
        this.clock = clock;
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
                            "Рішення Кропивницької міської ради «Про затвердження Програми цифрового розвитку на 2025–2027 роки»",
                            "Управління інформаційних технологій"),
                    new ProgrammeImport.Tables(table("kropyvnytskyi", "priorities"), table("kropyvnytskyi", "figures"),
                            table("kropyvnytskyi", "indicators"), table("kropyvnytskyi", "tasks")));
            int entries = reports(id);
            progress(id);
            search.writtenInBulk(Task.class); // the tasks' states, written with SQL, in the site search
            log.info("Demo programme loaded in {}: programme {}, {} quarterly values", c.slug(), id, entries);
        }));
        communities.bySlug("dmytrivka").ifPresent(c -> CurrentCommunity.runAs(c, () -> {
            if (!programmes.programmes().isEmpty()) {
                return;
            }
            long id = imports.load(new ProgrammeImport.Header("Стратегія розвитку інформаційних технологій Дмитрівської ОТГ",
                            "IT Development Strategy of the Dmytrivka community", 2020, 2022,
                            "Рішення Дмитрівської сільської ради від 03 червня 2020 року № 813", ""),
                    new ProgrammeImport.Tables(table("dmytrivka", "priorities"), table("dmytrivka", "figures"),
                            table("dmytrivka", "indicators")));
            log.info("Demo programme loaded in {}: programme {}", c.slug(), id);
        }));
    }

    /** The departments' reports, written in one batch (the demo's history, not people's actions: no audit, no mail). */
    private int reports(long programmeId) {
        Random random = new Random(20250105L);
        Quarter last = reporting.reportingQuarter(programmes.programmes().get(0));
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        long community = CurrentCommunity.require().id();
        List<Figure> figures = programmes.view(programmeId).orElseThrow().figures();
        for (Figure f : figures) {
            if (f.getComputed() != null) {
                continue; // the platform computes it
            }
            Map<Integer, BigDecimal> plan = f.getPlan();
            BigDecimal previous = plan.getOrDefault(2024, BigDecimal.ZERO);
            boolean whole = plan.values().stream().allMatch(v -> v.stripTrailingZeros().scale() <= 0);
            for (Quarter q = new Quarter(2025, 1); q.compareTo(last) <= 0; q = next(q)) {
                BigDecimal target = plan.getOrDefault(q.year(), previous);
                BigDecimal start = plan.getOrDefault(q.year() - 1, previous);
                BigDecimal share = BigDecimal.valueOf(q.quarter()).divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
                BigDecimal value = start.add(target.subtract(start).multiply(share))
                        .multiply(BigDecimal.valueOf(1 + (random.nextGaussian() * 0.01)), MathContext.DECIMAL64);
                value = value.max(BigDecimal.ZERO).setScale(whole ? 0 : 2, RoundingMode.HALF_UP);
                Instant entered = Dates.endOfDay(q.lastDay().plusDays(1 + random.nextInt(4))).minusSeconds(3600L * (8 + random.nextInt(6)));
                String status = "ACCEPTED";
                String reason = "";
                if (q.equals(last)) {
                    int draw = random.nextInt(10);
                    if (draw < 2) {
                        continue; // not entered yet
                    }
                    status = draw < 6 ? "ACCEPTED" : draw < 9 ? "ENTERED" : "RETURNED";
                    if (status.equals("RETURNED")) {
                        reason = "Значення не збігається з даними звіту підрозділу за квартал; перевірте, будь ласка.";
                    }
                }
                if (entered.isAfter(now)) {
                    entered = now.minusSeconds(3600);
                }
                Instant decided = status.equals("ENTERED") ? null : entered.plusSeconds(86_400L * (1 + random.nextInt(3)));
                if (decided != null && decided.isAfter(now)) {
                    decided = now;
                }
                rows.add(new Object[] {community, f.getId(), q.year(), q.quarter(), value, status,
                        Timestamp.from(entered), decided == null ? null : Timestamp.from(decided), reason});
            }
        }
        jdbc.batchUpdate("insert into monitoring_entry (community_id, figure_id, year, quarter, value, status, current, "
                + "entered_at, decided_at, reason) values (?, ?, ?, ?, ?, ?, true, ?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * The tasks' progress as the coordinator would have recorded it: the years that have ended spent
     * at 88–100 % of plan (a task of one year done, the others under way), the current year not yet.
     */
    private void progress(long programmeId) {
        Random random = new Random(20250201L);
        int year = reporting.today().getYear();
        Instant now = clock.instant();
        List<Object[]> spent = new ArrayList<>();
        List<Object[]> status = new ArrayList<>();
        for (Task t : programmes.view(programmeId).orElseThrow().tasks()) {
            boolean started = !t.getPeriod().matches("\\d{4}.*") || Integer.parseInt(t.getPeriod().substring(0, 4)) <= year;
            if (!started) {
                continue;
            }
            boolean oneYear = t.getPeriod().matches("\\d{4} рік") && Integer.parseInt(t.getPeriod().substring(0, 4)) < year;
            status.add(new Object[] {oneYear ? "DONE" : "UNDER_WAY", oneYear ? "Виконано в повному обсязі." : "Виконується за планом.",
                    Timestamp.from(now.minusSeconds(86_400L * (20 + random.nextInt(40)))), t.getId()});
            for (Task.BudgetLine l : t.getBudget()) {
                if (l.getYear() < year) {
                    BigDecimal share = BigDecimal.valueOf(88 + random.nextInt(13)).movePointLeft(2);
                    spent.add(new Object[] {l.getPlanned().multiply(share).setScale(3, RoundingMode.HALF_UP), t.getId(), l.getYear(),
                            l.getSource().name()});
                }
            }
        }
        jdbc.batchUpdate("update monitoring_task set status = ?, progress = ?, progress_at = ? where id = ?", status);
        jdbc.batchUpdate("update monitoring_budget_line set actual = ? where task_id = ? and year = ? and source = ?", spent);
    }

    private static Quarter next(Quarter q) {
        return q.quarter() == 4 ? new Quarter(q.year() + 1, 1) : new Quarter(q.year(), q.quarter() + 1);
    }

    private static List<Map<String, String>> table(String community, String name) {
        try (InputStream in = DemoProgramme.class.getResourceAsStream("/monitoring/" + community + "/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("missing demo table " + name);
            }
            return ProgrammeImport.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
