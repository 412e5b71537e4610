package ua.viche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.IntegrationTest;
import ua.viche.archive.domain.ArchiveFile;
import ua.viche.archive.domain.Fond;
import ua.viche.archive.domain.Holdings;
import ua.viche.archive.domain.Inventory;
import ua.viche.archive.domain.Page;
import ua.viche.archive.domain.Term;
import ua.viche.archive.search.ArchiveSearch;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.search.SearchIndexing;

/** The archive's search: Ukrainian morphology on a test set of page texts, phrases, facets, sorting. */
@IntegrationTest
class ArchiveSearchTest {

    @Autowired Holdings holdings;
    @Autowired FileStore store;
    @Autowired Communities communities;
    @Autowired ArchiveSearch search;
    @Autowired TransactionTemplate tx;
    @Autowired SearchIndexing indexing;

    private ArchiveFixtures k;
    private String m;
    private Fond fond;
    private ArchiveFile decisions;
    private ArchiveFile orders;
    private ArchiveFile undescribed;
    private Page decisionPage;
    private Page familyPage;

    @BeforeEach
    void holdings() {
        k = new ArchiveFixtures(holdings, store, communities, "kropyvnytskyi");
        m = ArchiveFixtures.marker();
        fond = k.fond("Виконавчий комітет міської ради " + m);
        Inventory inv = k.inventory(fond);
        decisions = k.file(inv, "45", "Рішення виконкому про видачу довідок " + m,
                LocalDate.of(1958, 3, 1), LocalDate.of(1963, 12, 30), "uk", false);
        orders = k.file(inv, "46", "Накази з особового складу " + m,
                LocalDate.of(1971, 1, 5), LocalDate.of(1971, 12, 28), "ru", false);
        undescribed = k.file(inv, "47", "Листування про архівних довідок видачу за " + m, LocalDate.of(1985, 1, 1), null, "uk", false);
        CurrentCommunity.runAs(k.community, () -> holdings.addTerm(orders.getId(), Term.Kind.PERSON, "Шевченко Тарас " + m));
        decisionPage = k.page(decisions, "Відповідно до рішенням виконкому міської ради видати архівних довідок "
                + "громадянам про стаж роботи. Ва́жливо: довідки видаються безоплатно. " + m);
        familyPage = k.page(decisions, "Допомогу багатодітній сім’ї Шевченка призначено. Окремо вирішено питання "
                + "про ремонт школи. " + m);
        k.page(orders, "Наказ про прийняття на роботу. Сімʼя переїхала до міста. " + m);
        // the changes reach the index through the outbox a moment after their commits
        assertThat(indexing.awaitIndexed()).isTrue();
    }

    @Test
    void ukrainianWordsInAnyFormApostrophesStressAndNames() {
        assertThat(pages("архівна довідка " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("рішення виконком " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("важливо " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("ва́жливо " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("сім'я " + m)).hasSize(2).contains(familyPage.getId());
        assertThat(pages("сім’я " + m)).hasSize(2).contains(familyPage.getId());
        assertThat(pages("сімʼя " + m)).hasSize(2).contains(familyPage.getId());
        assertThat(pages("Шевченко " + m)).containsExactly(familyPage.getId());
        assertThat(pages("Шевченкові " + m)).containsExactly(familyPage.getId());
        assertThat(pages("рішенням виконкому " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("архівними довідками " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("багатодітна сім'я " + m)).containsExactly(familyPage.getId());
        assertThat(pages("«стажу роботи» " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("\"архівних довідок\" " + m)).containsExactly(decisionPage.getId());
        assertThat(pages("\"довідок архівних\" " + m)).isEmpty();
        assertThat(pages("\"видати довідок\" " + m)).isEmpty();
    }

    @Test
    void aFileIsFoundByItsDescriptionAndTermsWithoutScans() {
        ArchiveSearch.Result r = run(new ArchiveSearch.Query("листування " + m, null, null, null, List.of(),
                ArchiveSearch.Sort.RELEVANCE, 0));
        assertThat(r.hits()).extracting(ArchiveSearch.Hit::fileId).containsExactly(undescribed.getId());
        assertThat(r.hits().get(0).pageId()).isNull();
        assertThat(r.hits().get(0).title()).isEqualTo(undescribed.getTitle());
        assertThat(r.hits().get(0).snippet()).contains("<mark>Листування</mark>");
        ArchiveSearch.Result byName = run(ArchiveSearch.Query.of("Шевченка Тараса " + m));
        // the term "Шевченко Тарас": a name in another case finds the file it indexes
        assertThat(byName.hits()).extracting(ArchiveSearch.Hit::fileId).containsExactly(orders.getId());
        // and by its cipher, as archivists write it
        ArchiveSearch.Result byCipher = run(ArchiveSearch.Query.of("Ф. " + fond.getNumber() + ", оп. 1, спр. 46"));
        assertThat(byCipher.hits()).extracting(ArchiveSearch.Hit::fileId).containsExactly(orders.getId());
    }

    @Test
    void facetsCountWhatTheQueryFindsAndFiltersNarrow() {
        ArchiveSearch.Result all = run(ArchiveSearch.Query.of(m));
        // 3 pages + 3 file descriptions (titles carry the marker)
        assertThat(all.total()).isEqualTo(6);
        assertThat(all.fonds()).containsEntry(fond.getId(), 6L);
        assertThat(all.decades()).containsEntry(1950, 3L).containsEntry(1960, 3L).containsEntry(1970, 2L).containsEntry(1980, 1L);
        assertThat(all.languages()).containsEntry("uk", 4L).containsEntry("ru", 2L);
        ArchiveSearch.Result ru = run(new ArchiveSearch.Query(m, null, null, "ru", List.of(), ArchiveSearch.Sort.RELEVANCE, 0));
        assertThat(ru.total()).isEqualTo(2);
        assertThat(ru.hits()).allMatch(h -> h.fileId() == orders.getId());
        assertThat(ru.terms()).hasSize(1).containsValue(2L);
        ArchiveSearch.Result sixties = run(new ArchiveSearch.Query(m, fond.getId(), 1960, null, List.of(), ArchiveSearch.Sort.RELEVANCE, 0));
        assertThat(sixties.total()).isEqualTo(3);
    }

    @Test
    void sortingByDateIsChronological() {
        ArchiveSearch.Result r = run(new ArchiveSearch.Query(m, null, null, null, List.of(), ArchiveSearch.Sort.DATE, 0));
        List<LocalDate> dates = r.hits().stream().map(ArchiveSearch.Hit::dateFrom).toList();
        assertThat(dates).isSorted();
        assertThat(dates.get(0)).isEqualTo(LocalDate.of(1958, 3, 1));
        assertThat(dates.get(dates.size() - 1)).isEqualTo(LocalDate.of(1985, 1, 1));
    }

    private ArchiveSearch.Result run(ArchiveSearch.Query q) {
        return CurrentCommunity.callAs(k.community, () -> tx.execute(s -> {
            return search.search(q, false, LocalDate.of(2026, 11, 24));
        }));
    }

    private List<Long> pages(String words) {
        return run(ArchiveSearch.Query.of(words)).hits().stream().map(ArchiveSearch.Hit::pageId)
                .filter(Objects::nonNull).toList();
    }
}
