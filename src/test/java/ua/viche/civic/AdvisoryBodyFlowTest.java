package ua.viche.civic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.Journey;
import ua.viche.identity.Identity;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.platform.Refusal;

/**
 * Advisory bodies end to end on the real database: staff create a body and keep its composition,
 * meetings (PDF minutes through the platform's attachments), decisions and history, every change
 * audited; bad input (a term ending before it starts, a meeting without a date, a file that is not a
 * PDF, a decision number taken) and people without the role change nothing and are told why in
 * Ukrainian and English; the pages and their JSON twins show it all, and only in the body's community.
 */
@IntegrationTest
class AdvisoryBodyFlowTest {

    private static final String OFFICIAL = "official@kropyvnytskyi.demo";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private long audited(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.param("fresh", Long.toString(System.nanoTime()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder staff(MockHttpServletRequestBuilder b) {
        return b.with(csrf()).with(TestAccounts.as(accounts, OFFICIAL));
    }

    private MockMultipartHttpServletRequestBuilder form(String path, Map<String, String> fields) {
        MockMultipartHttpServletRequestBuilder b = multipart(path);
        fields.forEach(b::param);
        b.with(csrf()).with(TestAccounts.as(accounts, OFFICIAL));
        return b;
    }

    private static long idAfter(String location, String word) {
        Matcher m = Pattern.compile("/" + word + "/(\\d+)").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long newBody(String slug, String name) throws Exception {
        String location = mvc.perform(staffIn(slug, post("/" + slug + "/advisory-bodies")).param("kind", "PUBLIC_COUNCIL")
                        .param("nameUk", name).param("nameEn", "Public council " + name).param("foundingAct", "Рішення № 1")
                        .param("description", "Опис ради."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return idAfter(location, "advisory-bodies");
    }

    private MockHttpServletRequestBuilder staffIn(String slug, MockHttpServletRequestBuilder b) {
        return b.with(csrf()).with(TestAccounts.as(accounts, "official@" + slug + ".demo"));
    }

    @Test
    void staffKeepABodysRecordsAndBadInputChangesNothing() throws Exception {
        long bodies = count("civic_body");
        // nobody but staff; bad input names every fault
        mvc.perform(post("/kropyvnytskyi/advisory-bodies").with(csrf()).with(TestAccounts.as(accounts, Identity.demoResident("kropyvnytskyi", 9)))
                .param("kind", "PUBLIC_COUNCIL").param("nameUk", "Рада")).andExpect(status().isForbidden());
        String back = mvc.perform(staff(post("/kropyvnytskyi/advisory-bodies")).param("kind", "").param("nameUk", " "))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(back).isEqualTo("/kropyvnytskyi/advisory-bodies/new");
        assertThat(count("civic_body")).isEqualTo(bodies);

        String name = "Громадська рада " + Journey.suffix();
        long before = audited("civic.body.created");
        long id = newBody("kropyvnytskyi", name);
        assertThat(count("civic_body")).isEqualTo(bodies + 1);
        assertThat(audited("civic.body.created")).isEqualTo(before + 1);
        String base = "/kropyvnytskyi/advisory-bodies/" + id;

        // a term ending before it starts is refused, in Ukrainian and in English, and nothing is added
        long members = count("civic_body_member");
        mvc.perform(staff(post(base + "/members")).accept(MediaType.APPLICATION_JSON).param("lang", "uk").param("memberName", "Іван Петренко")
                        .param("role", "MEMBER").param("termFrom", "2025-05-01").param("termTo", "2025-04-01"))
                .andExpect(status().is(Refusal.REFUSED))
                .andExpect(jsonPath("$.detail").value("Кінець строку повноважень не може бути раніше його початку."))
                .andExpect(jsonPath("$.errors[0].field").value("termTo"));
        mvc.perform(staff(post(base + "/members")).accept(MediaType.APPLICATION_JSON).param("lang", "en").param("memberName", "Іван Петренко")
                        .param("role", "MEMBER").param("termFrom", "2025-05-01").param("termTo", "2025-04-01"))
                .andExpect(status().is(Refusal.REFUSED)).andExpect(jsonPath("$.detail").value("A term cannot end before it starts."));
        // an organisation that is not a verified one of the register, a day that is not a day
        mvc.perform(staff(post(base + "/members")).param("memberName", "Х").param("role", "MEMBER").param("termFrom", "2025-05-01")
                .param("organisationId", "999999999")).andExpect(status().is3xxRedirection());
        mvc.perform(staff(post(base + "/members")).param("memberName", "Х").param("role", "MEMBER").param("termFrom", "травень"))
                .andExpect(status().is3xxRedirection());
        assertThat(count("civic_body_member")).isEqualTo(members);

        long organisation = jdbc.queryForObject("select min(id) from civic_organisation where community_id = "
                + "(select id from community where slug = 'kropyvnytskyi') and status = 'VERIFIED'", Long.class);
        String organisationName = jdbc.queryForObject("select name from civic_organisation where id = ?", String.class, organisation);
        LocalDate today = LocalDate.now();
        mvc.perform(staff(post(base + "/members")).param("memberName", "Олена Коваленко").param("role", "CHAIR")
                .param("termFrom", today.minusYears(1).toString())).andExpect(status().is3xxRedirection());
        mvc.perform(staff(post(base + "/members")).param("memberName", "").param("role", "MEMBER")
                .param("termFrom", today.minusYears(1).toString()).param("organisationId", String.valueOf(organisation)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(staff(post(base + "/members")).param("memberName", "Петро Кравець").param("role", "SECRETARY")
                .param("termFrom", today.minusYears(2).toString()).param("termTo", today.minusMonths(3).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("civic_body_member")).isEqualTo(members + 3);
        assertThat(audited("civic.body.memberAdded")).isGreaterThanOrEqualTo(3);

        // a meeting without a date, or with a file that is not a PDF, is refused and nothing is kept
        long meetings = count("civic_body_meeting");
        long files = count("attachment");
        mvc.perform(form(base + "/meetings", Map.of("place", "Зала", "agenda", "1. План.")).accept(MediaType.APPLICATION_JSON).param("lang", "en"))
                .andExpect(status().is(Refusal.REFUSED)).andExpect(jsonPath("$.detail").value("Give the date of the meeting."));
        mvc.perform(form(base + "/meetings", Map.of("heldOn", today.minusDays(3).toString(), "agenda", "1. План."))
                        .file(new MockMultipartFile("minutesPdf", "protokol.pdf", "application/pdf", "це не PDF, а текст".getBytes(StandardCharsets.UTF_8)))
                        .accept(MediaType.APPLICATION_JSON).param("lang", "uk"))
                .andExpect(status().is(Refusal.REFUSED))
                .andExpect(jsonPath("$.detail").value("Це не файл PDF. Додайте протокол чи рішення у форматі PDF."));
        assertThat(count("civic_body_meeting")).isEqualTo(meetings);
        assertThat(count("attachment")).isEqualTo(files);

        String older = mvc.perform(form(base + "/meetings", Map.of("heldOn", today.minusDays(40).toString(), "place", "Зала засідань",
                        "agenda", "1. План роботи.", "minutes", "Присутні 12.")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String latest = mvc.perform(form(base + "/meetings", Map.of("heldOn", today.minusDays(3).toString(), "place", "Онлайн",
                        "agenda", "1. Звіт.\n2. Безбар’єрність.", "minutes", "Присутні 14."))
                        .file(new MockMultipartFile("minutesPdf", "protokol.pdf", "application/pdf", PDF)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long meeting = idAfter(latest, "meetings");
        assertThat(count("civic_body_meeting")).isEqualTo(meetings + 2);
        assertThat(jdbc.queryForObject("select count(*) from attachment where owner_module = 'civic' and owner_kind = 'body-meeting' and owner_id = ?",
                Long.class, meeting)).isEqualTo(1);

        // decisions: numbered in turn; a number taken is refused; a non-PDF decision file too
        mvc.perform(form(latest + "/decisions", Map.of("decisionText", "Взяти звіт до відома."))).andExpect(status().is3xxRedirection());
        mvc.perform(form(latest + "/decisions", Map.of("decisionText", "Утворити робочу групу."))
                .file(new MockMultipartFile("decisionPdf", "rishennia.pdf", "application/pdf", PDF))).andExpect(status().is3xxRedirection());
        long decisions = count("civic_body_decision");
        mvc.perform(form(latest + "/decisions", Map.of("number", "1", "decisionText", "Інше.")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isConflict());
        mvc.perform(form(latest + "/decisions", Map.of("decisionText", "Ще одне."))
                .file(new MockMultipartFile("decisionPdf", "x.pdf", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G'})))
                .andExpect(status().is3xxRedirection());
        assertThat(count("civic_body_decision")).isEqualTo(decisions);
        assertThat(jdbc.queryForList("select number from civic_body_decision where meeting_id = ? order by number", Integer.class, meeting))
                .containsExactly(1, 2);

        // history, and a bad one
        mvc.perform(staff(post(base + "/history")).param("happenedOn", today.minusMonths(3).toString()).param("eventKind", "ROTATION")
                .param("eventText", "Петро Кравець склав повноваження.")).andExpect(status().is3xxRedirection());
        long events = count("civic_body_event");
        mvc.perform(staff(post(base + "/history")).param("eventKind", "ELECTION").param("eventText", "")).andExpect(status().is3xxRedirection());
        assertThat(count("civic_body_event")).isEqualTo(events);

        // the body's page: current members (with the organisation), past members, meetings newest first, history
        String html = page(get(base));
        assertThat(html).contains(name, "Олена Коваленко", organisationName, "Петро Кравець", "Колишні члени", "склав повноваження");
        assertThat(html.indexOf("/meetings/" + meeting)).isLessThan(html.indexOf("/meetings/" + idAfter(older, "meetings")));
        assertThat(html.substring(html.indexOf("id=\"current-members\""), html.indexOf("</table>"))).doesNotContain("Петро Кравець");
        // the meeting's page with its minutes, decisions and the PDFs, which are served as PDF
        String meetingHtml = page(get(latest));
        assertThat(meetingHtml).contains("Безбар’єрність", "Присутні 14.", "Взяти звіт до відома.", "Утворити робочу групу.", "Рішення № 2 (PDF)");
        String json = page(get("/api/v1" + latest));
        String pdfUrl = JsonPath.read(json, "$.minutesPdf");
        assertThat(JsonPath.<List<Integer>>read(json, "$.decisions[*].number")).containsExactly(1, 2);
        assertThat(JsonPath.<String>read(json, "$.decisions[1].pdf")).contains("/files/");
        assertThat(mvc.perform(get(pdfUrl)).andExpect(status().isOk()).andReturn().getResponse().getContentType()).isEqualTo("application/pdf");
        String bodyJson = page(get("/api/v1" + base));
        assertThat(JsonPath.<List<String>>read(bodyJson, "$.current[*].name")).contains("Олена Коваленко", organisationName);
        assertThat(JsonPath.<List<String>>read(bodyJson, "$.past[*].name")).containsExactly("Петро Кравець");
        assertThat(JsonPath.<List<Integer>>read(bodyJson, "$.meetings[*].id").get(0)).isEqualTo((int) meeting);
        assertThat(JsonPath.<List<String>>read(page(get("/api/v1/kropyvnytskyi/advisory-bodies")), "$[*].nameUk")).contains(name);
        assertThat(page(get("/kropyvnytskyi/advisory-bodies").param("lang", "en"))).contains("Public council " + name);

        // ending a term moves a member to the past; a change to the meeting replaces its record; both audited
        long chair = jdbc.queryForObject("select id from civic_body_member where body_id = ? and name = 'Олена Коваленко'", Long.class, id);
        mvc.perform(staff(post(base + "/members/" + chair + "/end")).param("termTo-" + chair, "2000-01-01")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select term_to from civic_body_member where id = ?", LocalDate.class, chair)).isNull();
        mvc.perform(staff(post(base + "/members/" + chair + "/end")).param("termTo-" + chair, today.minusDays(1).toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<List<String>>read(page(get("/api/v1" + base)), "$.past[*].name")).contains("Олена Коваленко");
        mvc.perform(form(latest, Map.of("heldOn", today.minusDays(3).toString(), "place", "Онлайн", "agenda", "1. Звіт.", "minutes",
                "Присутні 14. Протокол підписано."))).andExpect(status().is3xxRedirection());
        assertThat(page(get(latest))).contains("Протокол підписано.");
        assertThat(audited("civic.body.termEnded")).isGreaterThanOrEqualTo(1);
        assertThat(audited("civic.body.meetingChanged")).isGreaterThanOrEqualTo(1);
        assertThat(audited("civic.body.decisionAdded")).isGreaterThanOrEqualTo(2);
        assertThat(audited("civic.body.eventAdded")).isGreaterThanOrEqualTo(1);

        // the search finds the body
        String search = page(get("/api/v1/kropyvnytskyi/search").param("q", name));
        assertThat(JsonPath.<List<String>>read(search, "$.items[*].url")).anyMatch(u -> u.endsWith("/advisory-bodies/" + id));
    }

    @Test
    void aBodyLivesOnlyInItsCommunity() throws Exception {
        String name = "Молодіжна рада " + Journey.suffix();
        long id = newBody("kropyvnytskyi", name);
        mvc.perform(get("/dmytrivka/advisory-bodies/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dmytrivka/advisory-bodies/" + id)).andExpect(status().isNotFound());
        assertThat(page(get("/dmytrivka/advisory-bodies"))).doesNotContain(name);
        assertThat(page(get("/kropyvnytskyi/advisory-bodies"))).contains(name);
        // staff of another community cannot change it
        mvc.perform(staffIn("dmytrivka", post("/dmytrivka/advisory-bodies/" + id + "/members")).param("memberName", "Х").param("role", "MEMBER")
                .param("termFrom", "2025-01-01")).andExpect(status().isNotFound());
        mvc.perform(staffIn("dmytrivka", post("/kropyvnytskyi/advisory-bodies/" + id + "/members")).param("memberName", "Х").param("role", "MEMBER")
                .param("termFrom", "2025-01-01")).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from civic_body_member where body_id = ?", Long.class, id)).isZero();
    }
}
