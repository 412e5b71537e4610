package ua.viche.consultations.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Identity;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Mailer;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.VicheSettings;

/**
 * Officials' answers: a decision on each amendment (taken into account, partly, not, always with the
 * reason) and the report once the period has ended, which is published only when every amendment
 * that is not hidden has its decision. The report's final text defaults to the current version.
 * Every action is audited; everyone who took part is written to when the report is out.
 */
@Service
public class ConsultationReporting {

    public static final int MAX_REASON = 5_000;
    public static final int MAX_REPORT = 50_000;

    private final ConsultationRecords records;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;
    private final Identity identity;
    private final Mailer mailer;
    private final VicheSettings settings;

    ConsultationReporting(ConsultationRecords records, JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock,
                          Identity identity, Mailer mailer, VicheSettings settings) {
        this.identity = identity;
        this.mailer = mailer;
        this.settings = settings;
        this.records = records;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Decides on an amendment (again, while there is no report); returns the consultation's id. */
    @Transactional
    public long decide(long proposalId, Contribution.Decision decision, String reason) {
        access.require(Role.OFFICIAL);
        Contribution p = records.contribution(proposalId);
        if (!p.proposal()) {
            throw ConsultationRecords.notFound();
        }
        Consultation c = records.forUpdate(records.consultationOf(proposalId));
        if (c.getStatus() == Consultation.Status.REPORTED) {
            throw Refusal.of("consultation.error.reported");
        }
        String r = reason.strip();
        if (r.isEmpty()) {
            throw Refusal.field("reason", "consultation.error.decisionReasonRequired");
        }
        if (r.length() > MAX_REASON) {
            throw Refusal.field("reason", "consultation.error.reasonTooLong", MAX_REASON);
        }
        jdbc.update("update consultation_comment set decision = ?, decision_reason = ?, decided_at = ? where id = ? and community_id = ?",
                decision.name(), r, Timestamp.from(Instant.now(clock)), proposalId, CurrentCommunity.require().id());
        audit.record("consultation.decided", "consultation_comment", proposalId, decision + ": " + r);
        return c.getId();
    }

    /** Amendments of the consultation that still need a decision (hidden ones need none). */
    @Transactional(readOnly = true)
    public List<Long> undecided(long consultationId) {
        return jdbc.queryForList("select id from consultation_comment where consultation_id = ? and community_id = ?"
                + " and kind = 'PROPOSAL' and hidden_at is null and decision is null order by id", Long.class,
                consultationId, CurrentCommunity.require().id());
    }

    /**
     * Publishes the report: after the end of the period, with every amendment decided. The final text
     * is what was sent, or the current version of the draft when nothing was.
     */
    @Transactional
    public Consultation publishReport(long id, String reportText, String finalText) {
        access.require(Role.OFFICIAL);
        Consultation c = records.forUpdate(id);
        Instant now = Instant.now(clock);
        if (c.getStatus() == Consultation.Status.REPORTED) {
            throw Refusal.of("consultation.error.reported");
        }
        if (Dates.within(now, c.getClosesAt())) {
            throw Refusal.of("consultation.error.stillOpen");
        }
        List<Long> open = undecided(id);
        if (!open.isEmpty()) {
            throw Refusal.of("consultation.error.undecided", open.size()).with("undecided", open);
        }
        if (reportText.length() > MAX_REPORT || finalText.length() > DraftSections.MAX_TEXT) {
            throw Refusal.field("reportText", "consultation.error.reportTooLong", MAX_REPORT);
        }
        String text = finalText.isBlank()
                ? DraftSections.toMarkdown(records.sections(id, c.getDraftVersion()).stream().map(Section::part).toList())
                : finalText;
        c.publishReport(reportText, text, now);
        audit.record("consultation.reported", "consultation", id, c.getTitle());
        notifyParticipants(c);
        return c;
    }

    /**
     * Writes to everyone who took part (commented, proposed, replied, supported or objected) that the
     * report is out, each in the language they chose; the mail goes after commit.
     */
    private void notifyParticipants(Consultation c) {
        List<Long> people = jdbc.queryForList("select person_id from consultation_comment where consultation_id = ? and community_id = ?"
                + " union select s.person_id from consultation_support s join consultation_comment x on x.id = s.proposal_id"
                + " where x.consultation_id = ? and s.community_id = ?", Long.class, c.getId(), CurrentCommunity.require().id(), c.getId(),
                CurrentCommunity.require().id());
        String link = settings.absolute(c.url(CurrentCommunity.require().slug()) + "/report");
        for (Identity.Contact contact : identity.contacts(people)) {
            mailer.send(contact.email(), contact.locale(), "mail.consultation.report", c.getTitle(), link);
        }
    }
}
