package ua.viche.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import ua.viche.IntegrationTest;
import ua.viche.identity.TestAccounts;
import ua.viche.identity.demo.DemoResidents;
import ua.viche.identity.domain.AccountRepository;
import ua.viche.monitoring.domain.FigureReporting;
import ua.viche.monitoring.domain.Programme;
import ua.viche.monitoring.domain.ProgrammeService;
import ua.viche.monitoring.domain.Quarters;
import ua.viche.platform.Communities;
import ua.viche.platform.CurrentCommunity;

/**
 * A quarterly value with its supporting document: stored with the entry, listed in the figure's
 * history, served to staff only; a file that is not a PDF or picture by its content refuses the
 * whole entry.
 */
@IntegrationTest
class ProgrammeDocumentsTest {

    private static final String COORDINATOR = "official@kropyvnytskyi.demo";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @Autowired MockMvc mvc;
    @Autowired AccountRepository accounts;
    @Autowired Communities communities;
    @Autowired ProgrammeService programmes;
    @Autowired FigureReporting reporting;
    @Autowired JdbcTemplate jdbc;

    private RequestBuilder entry(long figure, Quarters.Quarter q, MockMultipartFile document) {
        return multipart("/kropyvnytskyi/programme/manage/entries").file(document).with(csrf())
                .with(TestAccounts.as(accounts, COORDINATOR)).param("figure", String.valueOf(figure))
                .param("year", String.valueOf(q.year())).param("quarter", String.valueOf(q.quarter())).param("value", "36")
                .param("comment", "За протоколами засідань");
    }

    @Test
    void aValueKeepsItsSupportingDocumentForStaffAndABadFileRefusesTheEntry() throws Exception {
        long[] figure = new long[1];
        Quarters.Quarter[] quarter = new Quarters.Quarter[1];
        CurrentCommunity.runAs(communities.bySlug("kropyvnytskyi").orElseThrow(), () -> {
            Programme p = programmes.current().orElseThrow();
            figure[0] = reporting.figure(p.getId(), "1.17").orElseThrow().getId();
            quarter[0] = reporting.reportingQuarter(p);
        });
        long before = jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ?", Long.class, figure[0]);
        mvc.perform(entry(figure[0], quarter[0], new MockMultipartFile("document", "protocol.pdf", "application/pdf",
                        "not a pdf at all".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "monitoring.error.document.fileType"));
        assertThat(jdbc.queryForObject("select count(*) from monitoring_entry where figure_id = ?", Long.class, figure[0]))
                .isEqualTo(before);

        mvc.perform(entry(figure[0], quarter[0], new MockMultipartFile("document", "protocol.pdf", "application/pdf", PDF)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "monitoring.entered"));
        long entry = jdbc.queryForObject("select id from monitoring_entry where figure_id = ? and current and year = ? and quarter = ?",
                Long.class, figure[0], quarter[0].year(), quarter[0].quarter());
        long document = jdbc.queryForObject("select id from attachment where owner_module = 'monitoring' and owner_kind = 'entry' "
                + "and owner_id = ?", Long.class, entry);
        mvc.perform(get("/kropyvnytskyi/programme/manage/figures/1.17").with(TestAccounts.as(accounts, COORDINATOR)))
                .andExpect(content().string(containsString("Документ: protocol.pdf")));
        String link = "/kropyvnytskyi/programme/manage/entries/" + entry + "/documents/" + document;
        byte[] served = mvc.perform(get(link).with(TestAccounts.as(accounts, COORDINATOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(PDF);
        mvc.perform(get(link).with(TestAccounts.as(accounts, DemoResidents.email("kropyvnytskyi", 472)))).andExpect(status().isForbidden());
        mvc.perform(get("/kropyvnytskyi/programme/manage/entries/" + entry + "/documents/" + (document + 100_000))
                .with(TestAccounts.as(accounts, COORDINATOR))).andExpect(status().isNotFound());
    }
}
