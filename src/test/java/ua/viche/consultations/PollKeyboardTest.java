package ua.viche.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import ua.viche.Browser;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollService;
import ua.viche.identity.Identity;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.RateLimiter;

/**
 * A resident answers a poll with every question kind using the keyboard alone, in real headless
 * Chromium: focus reaches each control by Tab in reading order with a visible focus ring, Space and
 * the arrow keys choose, typing fills the ranks and the text, Enter sends; the answers saved are the
 * ones chosen. Checked with axe-core before and after.
 */
@IntegrationTest
class PollKeyboardTest {

    @LocalServerPort int port;
    @Autowired RateLimiter limiter;
    @Autowired PollService polls;
    @Autowired Identity identity;
    @Autowired Communities communities;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        limiter.reset();
    }

    private Poll poll() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        LocalDate today = LocalDate.now(Dates.KYIV);
        return CurrentCommunity.callAs(k, () -> identity.callAs("official@kropyvnytskyi.demo", () -> {
            long id = polls.create("Сайт громади " + Journey.suffix(), "", today, today.plusDays(10), true, false, 0, List.of(
                    new PollService.QuestionDraft(Poll.Kind.SINGLE, "Як часто ви заходите на сайт?", true, 0, 0, "", "", false,
                            List.of("Щодня", "Щотижня", "Рідше")),
                    new PollService.QuestionDraft(Poll.Kind.MULTIPLE, "Що ви там шукаєте?", false, 2, 0, "", "", false,
                            List.of("Новини", "ЦНАП", "Петиції")),
                    new PollService.QuestionDraft(Poll.Kind.RANKING, "Що важливіше?", false, 0, 0, "", "", false,
                            List.of("Швидкість", "Зручність")),
                    new PollService.QuestionDraft(Poll.Kind.SCALE, "Оцініть сайт", false, 0, 5, "погано", "добре", false, List.of()),
                    new PollService.QuestionDraft(Poll.Kind.TEXT, "Що додати?", false, 0, 0, "", "", false, List.of())));
            return polls.poll(id);
        }));
    }

    @Test
    void everyQuestionKindIsAnsweredWithTheKeyboardAlone() {
        Poll poll = poll();
        Poll.Question single = poll.questions().get(0);
        Poll.Question multiple = poll.questions().get(1);
        Poll.Question ranking = poll.questions().get(2);
        Poll.Question scale = poll.questions().get(3);
        Poll.Question text = poll.questions().get(4);
        try (Journey journey = Journey.start(port)) {
            Browser b = journey.noJs();
            journey.signInWithIdGovUa("andrii", "Шевчук Андрій Іванович");
            b.open("/kropyvnytskyi/polls/" + poll.id());
            journey.audit("poll to answer");
            WebDriver driver = b.driver();

            // single choice: Tab reaches the first option; the arrow key moves the choice to the second
            tabTo(driver, "o" + single.options().get(0).id());
            keys(driver, Keys.SPACE, Keys.ARROW_DOWN);
            assertThat(b.find(By.id("o" + single.options().get(1).id())).isSelected()).isTrue();
            // multiple choice: Tab to each box, Space ticks it
            tabTo(driver, "o" + multiple.options().get(0).id());
            keys(driver, Keys.SPACE);
            tabTo(driver, "o" + multiple.options().get(2).id());
            keys(driver, Keys.SPACE);
            // ranking: typing a digit on a focused list chooses that rank
            tabTo(driver, "o" + ranking.options().get(0).id());
            keys(driver, "2");
            tabTo(driver, "o" + ranking.options().get(1).id());
            keys(driver, "1");
            // scale: Tab to the group, the arrow keys walk from 1 to 4
            tabTo(driver, "q" + scale.id() + "-v1");
            keys(driver, Keys.SPACE, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            assertThat(b.find(By.id("q" + scale.id() + "-v4")).isSelected()).isTrue();
            // text, then the send button, pressed with Enter
            tabTo(driver, "q" + text.id() + "-text");
            keys(driver, "Розклад прийому депутатів");
            tabTo(driver, "answer-poll");
            keys(driver, Keys.ENTER);
            b.waitForDocument();
            b.wait(d -> !journey.notice().isEmpty());
            assertThat(journey.notice()).isEqualTo("Дякуємо! Ваші відповіді враховано.");
            journey.audit("poll answered");
            journey.signOut();
        }

        Map<String, Object> saved = jdbc.queryForMap("select "
                + "(select option_id from poll_answer a join poll_response r on r.id = a.response_id where r.poll_id = ? and question_id = ?) single, "
                + "(select string_agg(option_id::text, ',' order by option_id) from poll_answer a join poll_response r on r.id = a.response_id "
                + "  where r.poll_id = ? and question_id = ?) multiple, "
                + "(select string_agg(option_id || ':' || rank, ',' order by rank) from poll_answer a join poll_response r on r.id = a.response_id "
                + "  where r.poll_id = ? and question_id = ?) ranks, "
                + "(select value from poll_answer a join poll_response r on r.id = a.response_id where r.poll_id = ? and question_id = ?) scale, "
                + "(select text from poll_answer a join poll_response r on r.id = a.response_id where r.poll_id = ? and question_id = ?) text",
                poll.id(), single.id(), poll.id(), multiple.id(), poll.id(), ranking.id(), poll.id(), scale.id(), poll.id(), text.id());
        assertThat(((Number) saved.get("single")).longValue()).isEqualTo(single.options().get(1).id());
        assertThat(saved.get("multiple")).isEqualTo(multiple.options().get(0).id() + "," + multiple.options().get(2).id());
        assertThat(saved.get("ranks")).isEqualTo(ranking.options().get(1).id() + ":1," + ranking.options().get(0).id() + ":2");
        assertThat(saved.get("scale")).isEqualTo(4);
        assertThat(saved.get("text")).isEqualTo("Розклад прийому депутатів");
    }

    /**
     * Presses Tab (at most 80 times, as a person would) until the control with this id has the focus,
     * and checks that the focused control shows a focus ring.
     */
    private static void tabTo(WebDriver driver, String id) {
        for (int i = 0; i < 80; i++) {
            WebElement active = driver.switchTo().activeElement();
            if (id.equals(active.getAttribute("id"))) {
                assertThat(active.getCssValue("outline-style")).as("focus ring on #" + id).isNotEqualTo("none");
                return;
            }
            keys(driver, Keys.TAB);
        }
        throw new AssertionError("#" + id + " is not reached by the Tab key");
    }

    private static void keys(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }
}
