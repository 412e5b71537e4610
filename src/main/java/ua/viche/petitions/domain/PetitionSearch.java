package ua.viche.petitions.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.query.SearchResult;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Paging;
import ua.viche.search.SharedIndex;

/**
 * Full-text search over the current community's public petitions with Ukrainian morphology:
 * words in any form, phrases in quotes, title weighted above text, highlighted snippets.
 */
@Component
public class PetitionSearch {

    @PersistenceContext
    private EntityManager entityManager;

    private final SharedIndex index;

    PetitionSearch(SharedIndex index) {
        this.index = index;
    }

    /** A petition found, with a snippet of HTML-escaped text where matches are wrapped in {@code <mark>}. */
    public record Hit(Petition petition, String snippet, float score) {}

    @Transactional(readOnly = true)
    public Page<Hit> search(String words, int page, int size) {
        long community = CurrentCommunity.require().id();
        SearchResult<List<?>> result = index.search(session -> session.search(Petition.class)
                .select(f -> f.composite(f.id(Long.class), f.highlight("text"), f.score()))
                .where(f -> f.bool()
                        .must(f.simpleQueryString().field("title").boost(2f).field("text")
                                .matching(words).defaultOperator(BooleanOperator.AND))
                        .filter(SharedIndex.community(f, community))
                        .filter(f.terms().field("status").matchingAny(Petition.PUBLIC))
                        .mustNot(f.exists().field("hiddenAt")))
                .highlighter(f -> f.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(160).numberOfFragments(1))
                .fetch(Paging.number(page, size) * size, size));
        // the petitions themselves are read in this community's session, in the order found
        List<Long> ids = result.hits().stream().map(row -> (Long) row.get(0)).toList();
        Map<Long, Petition> petitions = ids.isEmpty() ? Map.of()
                : entityManager.createQuery("select p from Petition p where p.id in :ids", Petition.class)
                        .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Petition::getId, p -> p));
        List<Hit> hits = new ArrayList<>();
        for (List<?> row : result.hits()) {
            Petition p = petitions.get((Long) row.get(0));
            if (p == null) {
                continue; // deleted since it was indexed
            }
            @SuppressWarnings("unchecked")
            List<String> fragments = (List<String>) row.get(1);
            String snippet = fragments.isEmpty() ? escape(abbreviate(p.getText())) : fragments.get(0);
            hits.add(new Hit(p, snippet, (Float) row.get(2)));
        }
        return new PageImpl<>(hits, Paging.of(page, size), result.total().hitCount());
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
