package ua.viche.petitions.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.petitions.PetitionsModule;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AuditLog;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Role;

/**
 * Moderators' work: the queue of submitted petitions, publishing or rejecting them, the abuse
 * reports, hiding a published petition. Every action is audited; the author is told by mail.
 */
@Service
public class PetitionModeration {

    private final PetitionRepository petitions;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final Clock clock;
    private final PetitionRecords records;

    PetitionModeration(PetitionRepository petitions, JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock,
                       PetitionRecords records) {
        this.petitions = petitions;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.records = records;
    }

    @Transactional
    public Petition publish(long id) {
        access.require(Role.MODERATOR);
        Petition p = records.forUpdate(id);
        p.publish(Instant.now(clock), PetitionsModule.THRESHOLD.value(),
                PetitionsModule.PERIOD_DAYS.value());
        audit.record("petition.published", "petition", p.getId(), p.getTitle());
        records.tellAuthor(p, "mail.petition.published", p.getTitle(), records.link(p));
        records.changed(p, Instant.now(clock));
        return p;
    }

    @Transactional
    public Petition reject(long id, String reason) {
        access.require(Role.MODERATOR);
        Petition p = records.forUpdate(id);
        p.reject(Instant.now(clock), reason);
        audit.record("petition.rejected", "petition", p.getId(), reason);
        records.tellAuthor(p, "mail.petition.rejected", p.getTitle(), reason);
        records.changed(p, Instant.now(clock));
        return p;
    }

    @Transactional
    public Petition hide(long id, String reason) {
        access.require(Role.MODERATOR);
        Petition p = records.forUpdate(id);
        p.hide(Instant.now(clock), reason);
        audit.record("petition.hidden", "petition", p.getId(), reason);
        return p;
    }

    @Transactional(readOnly = true)
    public List<Petition> moderationQueue() {
        access.require(Role.MODERATOR);
        return petitions.findByStatusOrderByModerationDueAtAsc(Petition.Status.MODERATION);
    }

    @Transactional(readOnly = true)
    public List<Report> reports() {
        access.require(Role.MODERATOR);
        return jdbc.query("select r.petition_id, p.title, count(*), max(r.reported_at), string_agg(r.reason, ' | ') from petition_report r"
                        + " join petition p on p.id = r.petition_id where r.community_id = ? and p.hidden_at is null"
                        + " group by r.petition_id, p.title order by count(*) desc",
                (r, i) -> new Report(r.getLong(1), r.getString(2), r.getInt(3), r.getTimestamp(4).toInstant(), r.getString(5)),
                CurrentCommunity.require().id());
    }

    /** Abuse reports of one petition. */
    public record Report(long petitionId, String title, int count, Instant last, String reasons) {}
}
