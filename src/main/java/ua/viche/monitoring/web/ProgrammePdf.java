package ua.viche.monitoring.web;

import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import ua.viche.monitoring.domain.ProgrammeService.BudgetYear;
import ua.viche.monitoring.domain.ProgrammeService.IndicatorView;
import ua.viche.monitoring.domain.ProgrammeService.PriorityView;
import ua.viche.monitoring.domain.ProgrammeService.ProgrammeView;
import ua.viche.monitoring.domain.Task;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Pdf;

/**
 * The programme's report as a PDF (the platform's {@link Pdf}), in the reader's language: the
 * programme, its budget by year, and for each priority its indicators (baseline, targets as
 * printed, actual values, dynamics, a flag where the printed value does not follow from its
 * formula) and its tasks (who, when, money planned and spent, the state) — the same values as the
 * page, the spreadsheet and the JSON.
 */
@Component
class ProgrammePdf {

    private static final Logger log = LoggerFactory.getLogger(ProgrammePdf.class);

    private final Pdf pdf;
    private final MessageSource messages;
    private final ProgrammeValues values;
    private final Dates dates;

    ProgrammePdf(@Value("${viche.monitoring.font:${viche.archive.certificates.font:" + Pdf.DEFAULT_FONT + "}}") String font,
                 MessageSource messages, ProgrammeValues values, Dates dates) {
        this.dates = dates;
        this.pdf = new Pdf(font);
        this.messages = messages;
        this.values = values;
        if (!pdf.fontReadable()) {
            log.warn("Font for programme reports not found at {}: install fonts-dejavu-core or set viche.monitoring.font", font);
        }
    }

    byte[] render(ProgrammeView view, Instant now) {
        Locale locale = LocaleContextHolder.getLocale();
        var p = view.programme();
        return pdf.render(p.title(locale), now, w -> {
            w.centred(CurrentCommunity.require().name(locale), 11);
            w.rule();
            w.gap(14);
            w.centred(p.title(locale), 15);
            if (!p.getDecision().isBlank()) {
                w.paragraph(p.getDecision(), 10);
            }
            w.paragraph(msg(locale, "monitoring.pdf.asOf", dates.date(now)), 10);
            if (!view.tasks().isEmpty()) {
                w.heading(msg(locale, "monitoring.budget.caption"), 13);
                for (BudgetYear b : view.budget()) {
                    w.paragraph(msg(locale, "monitoring.pdf.budgetYear", String.valueOf(b.year()), values.money(b.planned()),
                            values.money(b.actual()), values.spentShare(b.actual(), b.planned())), 10);
                }
            }
            for (PriorityView pv : view.priorities()) {
                w.heading(msg(locale, "monitoring.priority", pv.priority().getNumber()) + ": " + pv.priority().name(locale), 13);
                for (IndicatorView i : pv.indicators()) {
                    var ind = i.indicator();
                    w.gap(4);
                    w.paragraph(ind.getCode() + " " + ind.name(locale) + " (" + ind.getUnit() + ")", 10);
                    StringBuilder line = new StringBuilder();
                    for (int y : p.years()) {
                        line.append(y == p.getBaselineYear() ? msg(locale, "monitoring.baseline", y) : String.valueOf(y))
                                .append(": ").append(values.show(i.published().get(y)));
                        if (i.actual().containsKey(y) && !i.actual().get(y).missing()) {
                            line.append(" (").append(msg(locale, "monitoring.actual")).append(" ")
                                    .append(values.computed(i.actual().get(y), i.published().get(y))).append(")");
                        }
                        line.append("; ");
                    }
                    line.append(msg(locale, "monitoring.dynamics")).append(": ").append(ind.getPublishedDynamics().isEmpty()
                            ? values.dynamics(i.planned().dynamics()) : ind.getPublishedDynamics());
                    w.paragraph(line.toString(), 9, 12);
                    if (i.flagged()) {
                        w.paragraph(msg(locale, "monitoring.flagged"), 9, 12);
                    }
                }
                for (Task t : pv.tasks()) {
                    w.gap(4);
                    w.paragraph(msg(locale, "monitoring.task", t.getCode()) + ": " + t.name(locale), 10);
                    w.paragraph(t.getResponsible() + "; " + t.getPeriod() + "; " + msg(locale, "monitoring.status." + t.getStatus()), 9, 12);
                    if (t.getFunding() == Task.Funding.BUDGET) {
                        w.paragraph(msg(locale, "monitoring.pdf.taskMoney", values.money(t.planned(null)), values.money(t.actual(null))), 9, 12);
                    } else {
                        w.paragraph(msg(locale, "monitoring.funding." + t.getFunding()), 9, 12);
                    }
                }
            }
        });
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
