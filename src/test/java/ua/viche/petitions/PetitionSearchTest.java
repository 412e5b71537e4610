package ua.viche.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.search.SearchIndexing;
import ua.viche.IntegrationTest;
import ua.viche.identity.Identity;
import ua.viche.petitions.domain.Petition;
import ua.viche.petitions.domain.PetitionDrafting;
import ua.viche.petitions.domain.PetitionModeration;
import ua.viche.petitions.domain.PetitionService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/** Search with Ukrainian morphology, apostrophe variants, stress marks, phrases; per community. */
@IntegrationTest
class PetitionSearchTest {

    @Autowired MockMvc mvc;
    @Autowired PetitionService petitions;
    @Autowired PetitionDrafting drafting;
    @Autowired PetitionModeration moderation;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired SearchIndexing indexing;

    @Test
    void wordsInAnyFormFindThePetition() throws Exception {
        String marker = "м" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        long id = publish("kropyvnytskyi", "Видача архівних довідок онлайн " + marker,
                "Прошу запровадити замовлення архівних довідок через інтернет, бо черги до архіву довгі, а "
                        + "м’ясокомбінат колись видавав довідки про стаж працівникам. " + marker);
        assertThat(indexing.awaitIndexed()).isTrue();
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        CurrentCommunity.runAs(k, () -> {
            assertThat(petitions.search("архівна довідка " + marker, 0, 10).getContent()).extracting(Petition::getId).containsExactly(id);
            assertThat(petitions.search("м'ясокомбінату " + marker, 0, 10).getContent()).extracting(Petition::getId).containsExactly(id);
            assertThat(petitions.search("архі́вна " + marker, 0, 10).getContent()).extracting(Petition::getId).containsExactly(id);
            assertThat(petitions.search("\"довідок онлайн\" " + marker, 0, 10).getContent()).extracting(Petition::getId).containsExactly(id);
            assertThat(petitions.search("\"онлайн довідок\" " + marker, 0, 10).getContent()).isEmpty();
            assertThat(petitions.search("парк", 0, 10).getContent()).extracting(Petition::getTitle)
                    .contains("Облаштувати відкритий Wi-Fi у парку «Ковалівський»");
        });
        mvc.perform(get("/kropyvnytskyi/search").param("q", "архівна довідка " + marker))
                .andExpect(content().string(containsString("<mark>")))
                .andExpect(content().string(containsString("/kropyvnytskyi/petitions/" + id + "-")));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", "довідки " + marker))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].url").value(Matchers.startsWith("/kropyvnytskyi/petitions/" + id)));
        mvc.perform(get("/dmytrivka/search").param("q", "архівна довідка " + marker))
                .andExpect(content().string(not(containsString("/petitions/" + id + "-"))));
        mvc.perform(get("/api/v1/kropyvnytskyi/petitions").param("q", "довідками " + marker))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void draftsAndHiddenPetitionsAreNotFound() {
        String marker = "ж" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        long hidden = publish("kropyvnytskyi", "Прихована петиція " + marker, "Текст, що не має знаходитися після приховування модератором. " + marker);
        CurrentCommunity.runAs(k, () -> {
            identity.callAs("olena.kovalenko@example.org", () -> drafting.draft("Чернетка " + marker,
                    "Чернетку ніхто, крім автора, не бачить і не знаходить пошуком, навіть за точними словами. " + marker));
            assertThat(indexing.awaitIndexed()).isTrue();
            assertThat(petitions.search(marker, 0, 10).getContent()).extracting(Petition::getId).containsExactly(hidden);
            identity.callAs("moderator@kropyvnytskyi.demo", () -> moderation.hide(hidden, "Перевірка"));
            assertThat(indexing.awaitIndexed()).isTrue();
            assertThat(petitions.search(marker, 0, 10).getContent()).isEmpty();
        });
    }

    private long publish(String slug, String title, String text) {
        Community c = communities.bySlug(slug).orElseThrow();
        return CurrentCommunity.callAs(c, () -> {
            Petition p = identity.callAs("olena.kovalenko@example.org", () -> drafting.draft(title, text));
            identity.callAs("olena.kovalenko@example.org", () -> drafting.submit(p.getId()));
            identity.callAs("moderator@" + slug + ".demo", () -> moderation.publish(p.getId()));
            return p.getId();
        });
    }
}
