package ua.viche.consultations.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.civic.CivicOrganisations;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Refusal;

/**
 * What residents do on a consultation while its period runs: comment on a section, propose an
 * amendment (new wording of the section with the reason), reply to a comment or amendment (one level
 * deep), support or oppose an amendment, and report abuse. Who may take part is the participation
 * policy's answer for the consultation's requirements and period (decision 0036).
 */
@Service
public class ConsultationDiscussion {

    private final ConsultationRecords records;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final Clock clock;
    private final CivicOrganisations organisations;

    ConsultationDiscussion(ConsultationRecords records, JdbcTemplate jdbc, Identity identity, Clock clock, CivicOrganisations organisations) {
        this.organisations = organisations;
        this.records = records;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** A comment on a section of the current version. */
    @Transactional
    public long comment(long consultationId, long sectionId, String text) {
        return comment(consultationId, sectionId, text, null);
    }

    /** A comment, on behalf of a verified organisation the person acts for when {@code organisationId} is given. */
    @Transactional
    public long comment(long consultationId, long sectionId, String text, @Nullable Long organisationId) {
        return write(consultationId, sectionId, null, Contribution.Kind.COMMENT, text, null, organisationId);
    }

    /** An amendment: the section in new words, and why; refused when the words are the section's own. */
    @Transactional
    public long propose(long consultationId, long sectionId, String proposedText, String reason) {
        return propose(consultationId, sectionId, proposedText, reason, null);
    }

    /** An amendment, on behalf of a verified organisation the person acts for when {@code organisationId} is given. */
    @Transactional
    public long propose(long consultationId, long sectionId, String proposedText, String reason, @Nullable Long organisationId) {
        if (proposedText.isBlank()) {
            throw Refusal.field("proposedText", "consultation.error.proposalRequired");
        }
        if (proposedText.length() > Contribution.MAX_PROPOSAL) {
            throw Refusal.field("proposedText", "consultation.error.proposalTooLong", Contribution.MAX_PROPOSAL);
        }
        return write(consultationId, sectionId, null, Contribution.Kind.PROPOSAL, reason, proposedText.strip(), organisationId);
    }

    /** A reply to a comment or an amendment (never to a reply: threads are one level deep). */
    @Transactional
    public long reply(long parentId, String text) {
        return reply(parentId, text, null);
    }

    /** A reply, on behalf of a verified organisation the person acts for when {@code organisationId} is given. */
    @Transactional
    public long reply(long parentId, String text, @Nullable Long organisationId) {
        Contribution parent = records.contribution(parentId);
        if (parent.parentId() != null) {
            throw Refusal.of("consultation.error.replyToReply");
        }
        if (parent.hidden()) {
            throw ConsultationRecords.notFound();
        }
        return write(records.consultationOf(parentId), parent.sectionId(), parentId, Contribution.Kind.REPLY, text, null, organisationId);
    }

    /** The verified organisations the signed-in person may write on behalf of (civic's register). */
    public List<CivicOrganisations.Acting> organisations() {
        return organisations.actingForMe();
    }

    private long write(long consultationId, long sectionId, @Nullable Long parentId, Contribution.Kind kind, String text,
                       @Nullable String proposedText, @Nullable Long organisationId) {
        Consultation c = records.visible(consultationId);
        Participation.Answer answer = records.participation(c).require(Refusal::of);
        Identity.PersonRef person = answer.signedInPerson();
        String t = text.strip();
        if (t.isEmpty() && kind != Contribution.Kind.PROPOSAL) {
            throw Refusal.field("text", "consultation.error.textRequired");
        }
        if (t.length() > Contribution.MAX_TEXT) {
            throw Refusal.field("text", "consultation.error.commentTooLong", Contribution.MAX_TEXT);
        }
        Section section = records.sections(consultationId, c.getDraftVersion()).stream().filter(s -> s.id() == sectionId)
                .findFirst().orElseThrow(() -> Refusal.field("sectionId", "consultation.error.section"));
        if (proposedText != null && !WordDiff.changed(section.body(), proposedText)) {
            throw Refusal.field("proposedText", "consultation.error.proposalUnchanged");
        }
        CivicOrganisations.Acting organisation = organisationId == null ? null : organisations.actingForMe().stream()
                .filter(o -> o.id() == organisationId).findFirst()
                .orElseThrow(() -> Refusal.field("organisationId", "consultation.error.organisation"));
        Long id = jdbc.queryForObject("insert into consultation_comment (community_id, consultation_id, section_id, parent_id, kind,"
                        + " person_id, author_name, text, proposed_text, created_at, organisation_id, organisation_name)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, CurrentCommunity.require().id(), consultationId, sectionId, parentId, kind.name(), person.personId(),
                person.name(), t, proposedText, Timestamp.from(Instant.now(clock)), organisation == null ? null : organisation.id(),
                organisation == null ? null : organisation.name());
        return id == null ? 0 : id;
    }

    /**
     * Supports ({@code stance} 1) or opposes (-1) an amendment, or takes that back (0); one stance per
     * person, changed in place. One statement on a unique key, so parallel clicks count once.
     * Returns the amendment's supports and objections after it.
     */
    @Transactional
    public Counts support(long proposalId, int stance) {
        if (stance < -1 || stance > 1) {
            throw Refusal.badInput("consultation.error.stance");
        }
        Contribution p = records.contribution(proposalId);
        if (!p.proposal() || p.hidden()) {
            throw ConsultationRecords.notFound();
        }
        Consultation c = records.visible(records.consultationOf(proposalId));
        Identity.PersonRef person = records.participation(c).require(Refusal::of).signedInPerson();
        if (p.personId() == person.personId()) {
            throw Refusal.of("consultation.error.ownProposal");
        }
        long community = CurrentCommunity.require().id();
        if (stance == 0) {
            jdbc.update("delete from consultation_support where proposal_id = ? and person_id = ? and community_id = ?",
                    proposalId, person.personId(), community);
        } else {
            jdbc.update("insert into consultation_support (community_id, proposal_id, person_id, stance, given_at)"
                            + " values (?, ?, ?, ?, ?) on conflict (proposal_id, person_id) do update set stance = excluded.stance,"
                            + " given_at = excluded.given_at", community, proposalId, person.personId(), stance,
                    Timestamp.from(Instant.now(clock)));
        }
        return counts(proposalId);
    }

    /** The stance of the signed-in person on each amendment of a consultation they took a stance on. */
    public Map<Long, Integer> stances(long consultationId) {
        Map<Long, Integer> out = new HashMap<>();
        identity.currentPerson().ifPresent(person -> jdbc.query("select s.proposal_id, s.stance from consultation_support s"
                        + " join consultation_comment c on c.id = s.proposal_id where c.consultation_id = ? and s.person_id = ?"
                        + " and s.community_id = ?", rs -> { out.put(rs.getLong(1), rs.getInt(2)); },
                consultationId, person.personId(), CurrentCommunity.require().id()));
        return out;
    }

    Counts counts(long proposalId) {
        return jdbc.queryForObject("select count(*) filter (where stance = 1), count(*) filter (where stance = -1)"
                + " from consultation_support where proposal_id = ?", (rs, i) -> new Counts(rs.getInt(1), rs.getInt(2)), proposalId);
    }

    /** Supports and objections of an amendment. */
    public record Counts(int supports, int objections) {}

    /** Reports a comment, amendment or reply as abusive; once per person (a second report changes nothing). */
    @Transactional
    public boolean report(long contributionId, String reason) {
        Identity.PersonRef person = identity.currentPerson()
                .orElseThrow(() -> new AccessDeniedException("sign in"));
        Contribution c = records.contribution(contributionId);
        if (c.hidden()) {
            throw ConsultationRecords.notFound();
        }
        records.visible(records.consultationOf(contributionId));
        String r = reason.strip();
        if (r.isEmpty()) {
            throw Refusal.field("reason", "consultation.error.reasonRequired");
        }
        if (r.length() > 1000) {
            throw Refusal.field("reason", "consultation.error.reasonTooLong", 1000);
        }
        return jdbc.update("insert into consultation_abuse_report (community_id, comment_id, person_id, reason, reported_at)"
                        + " values (?, ?, ?, ?, ?) on conflict (comment_id, person_id) do nothing",
                CurrentCommunity.require().id(), contributionId, person.personId(), r, Timestamp.from(Instant.now(clock))) > 0;
    }

    /** Ids of the sections of the consultation's current version (for forms). */
    public List<Long> sectionIds(long consultationId) {
        Consultation c = records.visible(consultationId);
        return records.sections(consultationId, c.getDraftVersion()).stream().map(Section::id).toList();
    }
}
