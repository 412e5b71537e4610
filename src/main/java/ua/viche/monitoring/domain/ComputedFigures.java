package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import ua.viche.platform.PublishedFigures;
import ua.viche.platform.PublishedFigures.Definition;

/**
 * The figures the platform itself holds (petitions' unique signers, online voters, appeals received
 * electronically…), read from the other modules through their published figures: a programme's
 * figure bound to one is computed year by year, never typed.
 */
@Service
public class ComputedFigures {

    private final List<PublishedFigures> sources;

    ComputedFigures(List<PublishedFigures> sources) {
        this.sources = sources;
    }

    /** Every figure the modules publish. */
    public List<Definition> all() {
        return sources.stream().flatMap(s -> s.definitions().stream()).toList();
    }

    public Optional<Definition> definition(String key) {
        return all().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /**
     * The figure's value in the current community for each year of the programme up to today's (that
     * one as it stands today), with the quarter the value is as of (4 for a year that has ended).
     */
    Map<Integer, FigureReporting.Actual> values(String key, Programme programme, LocalDate today) {
        PublishedFigures source = sources.stream().filter(s -> s.definitions().stream().anyMatch(d -> d.key().equals(key)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no module publishes " + key));
        Map<Integer, FigureReporting.Actual> values = new LinkedHashMap<>();
        for (int year = programme.getFirstYear(); year <= Math.min(programme.getLastYear(), today.getYear()); year++) {
            BigDecimal value = source.value(key, year);
            values.put(year, new FigureReporting.Actual(value, year < today.getYear() ? 4 : (today.getMonthValue() + 2) / 3));
        }
        return values;
    }
}
