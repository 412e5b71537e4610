package ua.viche.civic.domain;

import java.util.List;
import org.springframework.stereotype.Component;
import ua.viche.search.SearchProvider;

/** Published news in the community's search (scheduled ones once their moment has come). */
@Component
class NewsSearchProvider implements SearchProvider {

    @Override
    public List<String> kinds() {
        return List.of("civic_news");
    }
}
