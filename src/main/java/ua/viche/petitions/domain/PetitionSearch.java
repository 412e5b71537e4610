package ua.viche.petitions.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Paging;

/**
 * Full-text search over the current community's public petitions with Ukrainian morphology:
 * words in any form, phrases in quotes, title weighted above text, highlighted snippets.
 */
@Component
public class PetitionSearch {

    @PersistenceContext
    private EntityManager entityManager;

    /** A petition found, with a snippet of HTML-escaped text where matches are wrapped in {@code <mark>}. */
    public record Hit(Petition petition, String snippet, float score) {}

    @Transactional(readOnly = true)
    public Page<Hit> search(String words, int page, int size) {
        CurrentCommunity.require();
        SearchSession session = Search.session(entityManager);
        SearchResult<List<?>> result = session.search(Petition.class)
                .select(f -> f.composite(f.entity(), f.highlight("text"), f.score()))
                .where(f -> f.bool()
                        .must(f.simpleQueryString().field("title").boost(2f).field("text")
                                .matching(words).defaultOperator(BooleanOperator.AND))
                        .filter(f.terms().field("status").matchingAny(Petition.PUBLIC))
                        .mustNot(f.exists().field("hiddenAt")))
                .highlighter(f -> f.plain().encoder(HighlighterEncoder.HTML).tag("<mark>", "</mark>")
                        .fragmentSize(160).numberOfFragments(1))
                .fetch(Paging.number(page, size) * size, size);
        List<Hit> hits = result.hits().stream().map(row -> {
            Petition p = (Petition) row.get(0);
            @SuppressWarnings("unchecked")
            List<String> fragments = (List<String>) row.get(1);
            String snippet = fragments.isEmpty() ? escape(abbreviate(p.getText())) : fragments.get(0);
            return new Hit(p, snippet, (Float) row.get(2));
        }).toList();
        return new PageImpl<>(hits, Paging.of(page, size), result.total().hitCount());
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
