package ua.viche.petitions.domain;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.platform.PublishedFigures;

/** The petitions' published figure: people who signed any petition in a year (as the figures page counts them). */
@Component
class PetitionPublishedFigures implements PublishedFigures {

    static final String UNIQUE_SIGNERS = "petitions.unique-signers";

    private final PetitionFigures figures;

    PetitionPublishedFigures(PetitionFigures figures) {
        this.figures = figures;
    }

    @Override
    public List<Definition> definitions() {
        return List.of(new Definition(UNIQUE_SIGNERS, "figure.petitions.unique-signers", "осіб"));
    }

    @Override
    public BigDecimal value(String key, int year) {
        if (!key.equals(UNIQUE_SIGNERS)) {
            throw new IllegalArgumentException("unknown figure " + key);
        }
        return BigDecimal.valueOf(figures.of(year).uniqueSigners());
    }
}
