package ua.viche.consultations.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Consultations (the draft's text, its summary and the report) and polls (their description and questions) in the community's search. */
@Component
class ConsultationSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("consultation", "poll");
    }
}
