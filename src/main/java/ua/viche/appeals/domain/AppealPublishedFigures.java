package ua.viche.appeals.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ua.viche.platform.PublishedFigures;

/** The appeals' published figures: appeals registered in a year, and of them those that came electronically (as the figures page counts them). */
@Component
class AppealPublishedFigures implements PublishedFigures {

    static final String TOTAL = "appeals.total";
    static final String ELECTRONIC = "appeals.electronic";

    private final AppealFigures figures;

    AppealPublishedFigures(AppealFigures figures) {
        this.figures = figures;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(TOTAL, "figure.appeals.total", "звернень"),
                new Definition(ELECTRONIC, "figure.appeals.electronic", "звернень"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        AppealFigures.Figures f = figures.of(year, Locale.ROOT);
        return switch (key) {
            case TOTAL -> BigDecimal.valueOf(f.total());
            case ELECTRONIC -> BigDecimal.valueOf(f.electronic());
            default -> throw new IllegalArgumentException("unknown figure " + key);
        };
    }
}
