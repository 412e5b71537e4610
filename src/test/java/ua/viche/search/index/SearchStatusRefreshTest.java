package ua.viche.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ua.viche.IntegrationTest;
import ua.viche.civic.domain.CivicEvents;
import ua.viche.civic.domain.EventInput;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;

/**
 * An item whose status changes by time alone (an event that starts) is found as open before and as
 * done after the refresh that follows that moment; the refresh touches only what is due.
 */
@IntegrationTest
class SearchStatusRefreshTest {

    @Autowired MockMvc mvc;
    @Autowired CivicEvents events;
    @Autowired Communities communities;
    @Autowired SearchStatusRefresh refresh;

    @Test
    void anEventThatStartedIsFoundAsDoneAfterTheRefresh() throws Exception {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        String title = "Квестрейсинг " + System.nanoTime();
        Instant starts = Instant.now().plusSeconds(3);
        CurrentCommunity.callAs(k, () -> events.create(new EventInput(title, "", "Зустріч біля ратуші", "", starts,
                starts.plus(Duration.ofHours(2)), "Ратуша", null, 20, null, List.of())));
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", title))
                .andExpect(jsonPath("$.items[0].title").value(title)).andExpect(jsonPath("$.items[0].status").value("open"));
        CurrentCommunity.callAs(k, refresh::refresh); // whatever else was due

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), starts).toMillis()) + 200);
        int after = CurrentCommunity.callAs(k, refresh::refresh);
        assertThat(after).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/kropyvnytskyi/search").param("q", title))
                .andExpect(jsonPath("$.items[0].status").value("done"));
        // indexed again without a moment ahead, it is not due again
        assertThat(CurrentCommunity.callAs(k, refresh::refresh)).isZero();
    }
}
