package ua.viche.petitions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;

/** Statistics of the community's petitions (no personal data, so public). */
@Service
public class PetitionFigures {

    private final PetitionRepository petitions;
    private final SignatureRepository signatures;

    PetitionFigures(PetitionRepository petitions, SignatureRepository signatures) {
        this.petitions = petitions;
        this.signatures = signatures;
    }

    /**
     * Published counts by state, unique signers of the year (and of them, those resident by their own
     * declaration of an address) and their share of the population.
     */
    public record Figures(int year, Map<Petition.Status, Long> byStatus, long uniqueSigners, long declaredSigners,
                          int population, double sharePercent) {}

    @Transactional(readOnly = true)
    public Figures of(int year) {
        Community c = CurrentCommunity.require();
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Dates.KYIV).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Dates.KYIV).toInstant();
        Map<Petition.Status, Long> byStatus = new EnumMap<>(Petition.Status.class);
        for (Petition.Status s : Petition.PUBLIC) {
            byStatus.put(s, petitions.countByStatusAndHiddenAtIsNull(s));
        }
        long signers = signatures.countDistinctSigners(from, to);
        double share = c.population() == 0 ? 0 : signers * 100.0 / c.population();
        return new Figures(year, byStatus, signers, signatures.countDistinctDeclaredSigners(from, to), c.population(), share);
    }
}
