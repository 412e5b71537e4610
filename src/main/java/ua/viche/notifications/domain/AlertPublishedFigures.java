package ua.viche.notifications.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.PublishedFigures;

/**
 * The published figure «% of population covered by digital alerting» (Kropyvnytskyi's programme,
 * indicator 3.5): people following alerts on at least one channel at the end of the year (the
 * running year: now), over the community's population.
 */
@Component
class AlertPublishedFigures implements PublishedFigures {

    static final String COVERAGE = "notifications.alert-coverage";

    private final Alerts alerts;
    private final Clock clock;

    AlertPublishedFigures(Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(COVERAGE, "figure.notifications.alert-coverage", "%"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        if (!key.equals(COVERAGE)) {
            throw new IllegalArgumentException("unknown figure " + key);
        }
        Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay(Subscriber.KYIV).toInstant();
        Instant now = clock.instant();
        return BigDecimal.valueOf(alerts.coverage(CurrentCommunity.require(), end.isAfter(now) ? now : end));
    }
}
