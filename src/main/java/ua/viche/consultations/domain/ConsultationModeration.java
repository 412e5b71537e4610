package ua.viche.consultations.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;

/**
 * Moderators' work on what residents wrote: the abuse reports, and hiding a comment, amendment or
 * reply with a reason (it keeps its place, without its text). Every action is audited.
 */
@Service
public class ConsultationModeration {

    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final ConsultationRecords records;
    private final Clock clock;

    ConsultationModeration(JdbcTemplate jdbc, AccessControl access, AuditLog audit, ConsultationRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.records = records;
        this.clock = clock;
    }

    /** Hides a contribution; returns the consultation it belongs to. */
    @Transactional
    public long hide(long contributionId, String reason) {
        access.require(Role.MODERATOR);
        String r = reason.strip();
        if (r.isEmpty()) {
            throw Refusal.field("reason", "consultation.error.reasonRequired");
        }
        if (r.length() > 2000) {
            throw Refusal.field("reason", "consultation.error.reasonTooLong", 2000);
        }
        long consultationId = records.consultationOf(contributionId);
        int hidden = jdbc.update("update consultation_comment set hidden_at = ?, hidden_reason = ? where id = ? and community_id = ?"
                + " and hidden_at is null", Timestamp.from(Instant.now(clock)), r, contributionId, CurrentCommunity.require().id());
        if (hidden == 0) {
            throw Refusal.conflict("consultation.error.alreadyHidden");
        }
        audit.record("consultation.commentHidden", "consultation_comment", contributionId, r);
        return consultationId;
    }

    /** Contributions with abuse reports that are not hidden yet, most reported first. */
    @Transactional(readOnly = true)
    public List<Report> reports() {
        access.require(Role.MODERATOR);
        return jdbc.query("select c.id, c.consultation_id, k.title, c.text, count(*), max(r.reported_at), string_agg(r.reason, ' | ')"
                        + " from consultation_abuse_report r join consultation_comment c on c.id = r.comment_id"
                        + " join consultation k on k.id = c.consultation_id where r.community_id = ? and c.hidden_at is null"
                        + " group by c.id, c.consultation_id, k.title, c.text order by count(*) desc, c.id",
                (rs, i) -> new Report(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7)), CurrentCommunity.require().id());
    }

    /** The abuse reports of one contribution. */
    public record Report(long contributionId, long consultationId, String consultationTitle, String text, int count, Instant last,
                         String reasons) {}
}
