package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AuditLog;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Refusal;

/**
 * The actual values of indicators without a formula (yes/no, text, or a number given as such),
 * which no quarterly figure yields: the programme's coordinator records them year by year. Audited.
 */
@Service
@Transactional
public class IndicatorReporting {

    private static final BigDecimal LIMIT = new BigDecimal("1E12");
    private static final int LONGEST = 500;

    private final IndicatorRepository indicators;
    private final ProgrammeRepository programmes;
    private final FigureReporting reporting;
    private final AuditLog audit;

    IndicatorReporting(IndicatorRepository indicators, ProgrammeRepository programmes, FigureReporting reporting, AuditLog audit) {
        this.indicators = indicators;
        this.programmes = programmes;
        this.reporting = reporting;
        this.audit = audit;
    }

    /** Whether the signed-in person may record the indicator's actual values: it has no formula and they coordinate the programme. */
    @Transactional(readOnly = true)
    public boolean mayRecord(Indicator indicator) {
        return indicator.getFormula() == null && reporting.coordinates(programme(indicator));
    }

    /**
     * Records the actual values by year as typed (blank: not known). A yes/no value is «так»/«ні»
     * (or yes/no), a number is digits, a text is at most 500 characters. Refused, with nothing
     * saved, for an indicator with a formula, a year outside the programme, or a value of the wrong kind.
     */
    public void record(long indicatorId, Map<Integer, String> values) {
        Indicator indicator = indicators.findById(indicatorId).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
        if (indicator.getFormula() != null) {
            throw Refusal.of("monitoring.error.actualByFormula", indicator.getCode());
        }
        Programme programme = programme(indicator);
        if (!reporting.coordinates(programme)) {
            throw Refusal.of("monitoring.error.notCoordinator").status(403);
        }
        Map<Integer, String> checked = new TreeMap<>();
        values.forEach((year, typed) -> {
            if (year < programme.getFirstYear() || year > programme.getLastYear()) {
                throw Refusal.of("monitoring.error.yearOutside", year, programme.getFirstYear(), programme.getLastYear());
            }
            checked.put(year, normalised(indicator, year, typed.strip()));
        });
        checked.forEach(indicator::actual);
        audit.record("monitoring.indicator.recorded", "monitoring_indicator", indicator.getId(),
                indicator.getCode() + " " + checked);
    }

    /** The value as it is kept: «так»/«ні» for yes/no, the number as typed, the text; refused when it does not fit the type. */
    private static String normalised(Indicator indicator, int year, String typed) {
        if (typed.isEmpty()) {
            return typed;
        }
        String field = "actual-" + year;
        return switch (indicator.getType()) {
            case YES_NO -> switch (typed.toLowerCase(Locale.ROOT)) {
                case "так", "yes" -> "так";
                case "ні", "no" -> "ні";
                default -> throw Refusal.field(field, "monitoring.error.actualYesNo", typed);
            };
            case NUMBER -> {
                BigDecimal n = ProgrammeTables.number(typed);
                if (n == null || n.abs().compareTo(LIMIT) >= 0) {
                    throw Refusal.field(field, "monitoring.error.entryNumber", typed);
                }
                yield n.toPlainString();
            }
            case TEXT -> {
                if (typed.length() > LONGEST) {
                    throw Refusal.field(field, "monitoring.error.actualText");
                }
                yield typed;
            }
        };
    }

    private Programme programme(Indicator indicator) {
        return programmes.findById(indicator.getProgrammeId()).orElseThrow(() -> new NotFoundException("monitoring.notFound"));
    }
}
