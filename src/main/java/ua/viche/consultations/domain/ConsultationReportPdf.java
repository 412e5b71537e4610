package ua.viche.consultations.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.NotFoundException;
import ua.viche.platform.Pdf;

/**
 * The published report of a consultation as a PDF (the platform's {@link Pdf}, in the font of
 * setting {@code viche.consultations.font}, by default the certificates' one): the community, the
 * title and period, who took part (counts; organisations by name once the civic module exists),
 * the summary, every amendment with its section, its supports and objections, the decision and its
 * reason, and the final text. Written in the language of the request.
 */
@Component
public class ConsultationReportPdf {

    private static final Logger log = LoggerFactory.getLogger(ConsultationReportPdf.class);

    private final Pdf pdf;
    private final ConsultationService consultations;
    private final MessageSource messages;
    private final Dates dates;
    private final JdbcTemplate jdbc;

    ConsultationReportPdf(@Value("${viche.consultations.font:${viche.archive.certificates.font:" + Pdf.DEFAULT_FONT + "}}") String font,
                          ConsultationService consultations, MessageSource messages, Dates dates, JdbcTemplate jdbc) {
        this.pdf = new Pdf(font);
        this.consultations = consultations;
        this.messages = messages;
        this.dates = dates;
        this.jdbc = jdbc;
        if (!pdf.fontReadable()) {
            log.warn("Font for consultation reports not found at {}: install fonts-dejavu-core or set viche.consultations.font", font);
        }
    }

    /** The PDF of a consultation's published report; 404 while there is none. */
    public byte[] render(long id) {
        ConsultationService.Report report = consultations.report(id);
        Consultation c = report.consultation();
        if (c.getStatus() != Consultation.Status.REPORTED || c.getReportPublishedAt() == null) {
            throw new NotFoundException("consultation.error.noReport");
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> headings = new HashMap<>();
        jdbc.query("select id, heading from consultation_section where consultation_id = ? and community_id = ?",
                rs -> { headings.put(rs.getLong(1), rs.getString(2)); }, id, CurrentCommunity.require().id());
        ConsultationService.Figures f = report.figures();
        return pdf.render(msg(locale, "consultation.reportTitle") + " — " + c.getTitle(), c.getReportPublishedAt(), w -> {
            w.centred(CurrentCommunity.require().name(locale), 11);
            w.rule();
            w.gap(14);
            w.centred(msg(locale, "consultation.reportTitle"), 16);
            w.centred(c.getTitle(), 13);
            w.gap(10);
            w.paragraph(msg(locale, "consultation.periodLabel") + ": " + dates.date(c.getOpensAt()) + " — " + dates.date(c.getClosesAt()), 10);
            w.paragraph(msg(locale, "consultation.reportPublishedAt") + ": " + dates.date(c.getReportPublishedAt()), 10);

            w.heading(msg(locale, "consultation.figures"), 13);
            for (Object[] figure : List.of(new Object[] {"people", f.people()}, new Object[] {"comments", f.comments()},
                    new Object[] {"proposals", f.proposals()}, new Object[] {"replies", f.replies()},
                    new Object[] {"supports", f.supports()}, new Object[] {"objections", f.objections()})) {
                w.paragraph(msg(locale, "consultation.figures." + figure[0]) + ": " + figure[1], 10);
            }

            w.heading(msg(locale, "consultation.organisations"), 13);
            if (report.organisations().isEmpty()) {
                w.paragraph(msg(locale, "consultation.noOrganisations"), 10);
            }
            for (ConsultationService.OrganisationPart o : report.organisations()) {
                w.paragraph(o.name() + " — " + msg(locale, "consultation.figures.people") + ": " + o.people() + "; "
                        + msg(locale, "consultation.figures.comments") + ": " + o.comments() + "; "
                        + msg(locale, "consultation.figures.proposals") + ": " + o.proposals() + "; "
                        + msg(locale, "consultation.figures.replies") + ": " + o.replies(), 10);
            }

            if (c.getReportText() != null && !c.getReportText().isBlank()) {
                w.heading(msg(locale, "consultation.reportSummary"), 13);
                w.lines(plain(c.getReportText()), 10, 0);
            }

            w.heading(msg(locale, "consultation.proposalsAndDecisions"), 13);
            if (report.proposals().isEmpty()) {
                w.paragraph(msg(locale, "consultation.noProposals"), 10);
            }
            int n = 1;
            for (Contribution p : report.proposals()) {
                String heading = headings.getOrDefault(p.sectionId(), "");
                w.gap(6);
                w.paragraph(msg(locale, "consultation.pdf.proposal", n++, heading.isEmpty() ? "—" : heading, p.authorName()), 11);
                w.paragraph(msg(locale, "consultation.proposedText") + ":", 10, 12);
                w.lines(p.proposedText() == null ? "" : plain(p.proposedText()), 10, 24);
                w.paragraph(msg(locale, "consultation.proposalReason") + ": " + p.text(), 10, 12);
                w.paragraph(msg(locale, "consultation.supportColumn") + ": " + p.supports() + " / " + p.objections(), 10, 12);
                w.paragraph(msg(locale, "consultation.pdf.decision", p.decision() == null ? "—"
                        : msg(locale, "consultation.decision." + p.decision().name()),
                        p.decisionReason() == null ? "" : p.decisionReason()), 10, 12);
            }

            if (c.getFinalText() != null && !c.getFinalText().isBlank()) {
                w.heading(msg(locale, "consultation.finalText"), 13);
                w.lines(plain(c.getFinalText()), 10, 0);
            }
        });
    }

    /** Markdown as plain lines: heading marks dropped. */
    private static String plain(String markdown) {
        return markdown.replaceAll("(?m)^#{1,6}\\s*", "");
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
