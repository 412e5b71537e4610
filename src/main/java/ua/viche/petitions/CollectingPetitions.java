package ua.viche.petitions;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.petitions.domain.PetitionList;
import ua.viche.petitions.domain.PetitionService;

/** The current community's petitions collecting signatures, most signed first (for other modules: the messenger bot). */
@Service
public class CollectingPetitions {

    /** A petition: title, signatures so far, the threshold (if set) and its page, where it is signed. */
    public record Summary(String title, int signatures, @Nullable Integer threshold, String path) {}

    private final PetitionService petitions;

    CollectingPetitions(PetitionService petitions) {
        this.petitions = petitions;
    }

    @Transactional(readOnly = true)
    public List<Summary> top(int count) {
        return petitions.list(PetitionList.ACTIVE, "signatures", 0, 0, count).stream()
                .map(p -> new Summary(p.getTitle(), p.getSignatureCount(), p.getThreshold(), PetitionService.url(p))).toList();
    }
}
