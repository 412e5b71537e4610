package ua.viche.consultations.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ua.viche.consultations.polls.Poll;
import ua.viche.consultations.polls.PollService;
import ua.viche.platform.Communities;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.VicheSettings;

/**
 * Demo polls: Kropyvnytskyi's survey of August 2024 on the digital solutions residents want, with
 * its published figures (524 respondents; e-ticket 434, smart stops 420, open Wi-Fi 395), entered as
 * paper responses in bulk; and in every community an open poll with a question of every kind.
 * Created once, when the demo is on and the community has no polls yet (decisions 0038, 0040).
 */
@Component
@Order(48)
class DemoPolls implements ApplicationRunner {

    /** The survey's figures (seed 000): respondents, and the answers for each option in order. */
    static final int RESPONDENTS = 524;
    static final List<String> OPTIONS = List.of("Електронний квиток для проїзду в громадському транспорті",
            "Розумні зупинки (Wi-Fi, зарядки, цифрове табло тощо)", "Відкриті Wi-Fi зони");
    static final int[] COUNTS = {434, 420, 395};
    static final String SURVEY = "Які цифрові рішення варто впровадити в громаді? (серпень 2024)";

    private final VicheSettings settings;
    private final Communities communities;
    private final PollService polls;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoPolls(VicheSettings settings, Communities communities, PollService polls, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.settings = settings;
        this.communities = communities;
        this.polls = polls;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.demoEnabled()) {
            return;
        }
        for (Community c : communities.all()) {
            CurrentCommunity.runAs(c, () -> {
                if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from poll where community_id = ?)", Boolean.class,
                        c.id()))) {
                    return;
                }
                tx.executeWithoutResult(status -> {
                    if ("kropyvnytskyi".equals(c.slug())) {
                        survey(c);
                    }
                    open(c);
                });
            });
        }
    }

    private void survey(Community c) {
        Instant opens = LocalDate.of(2024, 8, 1).atStartOfDay(Dates.KYIV).toInstant();
        Instant closes = Dates.endOfDay(LocalDate.of(2024, 8, 31));
        long id = polls.write(SURVEY, "Соціологічне дослідження управління інформаційних технологій міської ради; відповіді зібрано"
                        + " на папері й внесено працівниками.", opens, closes, false, true, 14,
                List.of(new PollService.QuestionDraft(Poll.Kind.MULTIPLE, "Які цифрові рішення ви хотіли б бачити в громаді?", true, 3,
                        0, "", "", false, OPTIONS)), opens.minus(Duration.ofDays(3)));
        long question = jdbc.queryForObject("select id from poll_question where poll_id = ?", Long.class, id);
        List<Long> options = jdbc.queryForList("select id from poll_option where question_id = ? order by position", Long.class, question);
        List<Object[]> responses = new ArrayList<>();
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < RESPONDENTS; i++) {
            UUID response = UUID.randomUUID();
            responses.add(new Object[] {response, c.id(), id});
            // each option chosen by exactly its published count; everyone chose at least one
            boolean[] chose = {i < COUNTS[0], i >= RESPONDENTS - COUNTS[1], i < COUNTS[2]};
            for (int o = 0; o < 3; o++) {
                if (chose[o]) {
                    answers.add(new Object[] {response, question, options.get(o)});
                }
            }
        }
        jdbc.batchUpdate("insert into poll_response (id, community_id, poll_id, paper) values (?, ?, ?, true)", responses);
        jdbc.batchUpdate("insert into poll_answer (response_id, question_id, option_id) values (?, ?, ?)", answers);
    }

    private void open(Community c) {
        LocalDate today = Dates.day(Instant.now());
        polls.write("Якою має бути сторінка громади?", "Коротке опитування про те, що ви шукаєте на сторінці громади.",
                today.minusDays(3).atStartOfDay(Dates.KYIV).toInstant(), Dates.endOfDay(today.plusDays(25)), false, false, 0, List.of(
                        new PollService.QuestionDraft(Poll.Kind.SINGLE, "Як часто ви відвідуєте сторінку громади?", true, 0, 0, "", "",
                                false, List.of("Щодня", "Щотижня", "Рідше")),
                        new PollService.QuestionDraft(Poll.Kind.MULTIPLE, "Що ви шукаєте найчастіше?", false, 2, 0, "", "", true,
                                List.of("Новини", "Послуги ЦНАП", "Петиції", "Розклад транспорту")),
                        new PollService.QuestionDraft(Poll.Kind.RANKING, "Розставте за важливістю", false, 0, 0, "", "", false,
                                List.of("Швидкість", "Зручність на телефоні", "Повнота інформації")),
                        new PollService.QuestionDraft(Poll.Kind.SCALE, "Наскільки вам зручно користуватися сторінкою?", false, 0, 5,
                                "незручно", "дуже зручно", false, List.of()),
                        new PollService.QuestionDraft(Poll.Kind.TEXT, "Що б ви додали?", false, 0, 0, "", "", false, List.of())),
                Instant.now().minus(Duration.ofDays(4)));
    }
}
