package ua.viche.consultations.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.Identity;
import ua.viche.identity.Participation;
import ua.viche.platform.Attachments;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.NotFoundException;

/**
 * What the consultation use cases share: the consultation one acts on (locked), what taking part
 * requires and how its reasons are worded, the draft's sections of a version, everything people
 * wrote with the counts of supports, and the consultation as the owner of its attachments.
 */
@Component
class ConsultationRecords {

    /** How the consultations module words the participation rule's reasons about time. */
    static final Map<Participation.Reason, String> WORDING = Map.of(
            Participation.Reason.NOT_OPEN_YET, "consultation.error.notOpenYet",
            Participation.Reason.CLOSED, "consultation.error.closed");

    private final ConsultationRepository consultations;
    private final JdbcTemplate jdbc;
    private final Identity identity;
    private final Clock clock;

    ConsultationRecords(ConsultationRepository consultations, JdbcTemplate jdbc, Identity identity, Clock clock) {
        this.consultations = consultations;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** A consultation of this community to change, under its row lock; 404 if there is none. */
    Consultation forUpdate(long id) {
        return consultations.findForUpdate(id).orElseThrow(ConsultationRecords::notFound);
    }

    /** A consultation of this community the public may see; 404 otherwise. */
    Consultation visible(long id) {
        return consultations.findById(id).filter(Consultation::publiclyVisible).orElseThrow(ConsultationRecords::notFound);
    }

    /** What taking part in this consultation requires: the community's level, its residency and age rules. */
    Participation.Requirements requirements(Consultation c) {
        return identity.requirements(c.isResidencyRequired(), c.getMinimumAge());
    }

    /** Whether the signed-in person may take part in the consultation now, with the module's wording. */
    Participation.Answer participation(Consultation c) {
        Participation.Requirements required = requirements(c);
        return Participation.decide(identity.participant(required), required, c.discussion(), Instant.now(clock), false)
                .worded(WORDING);
    }

    /** The sections of one version of the draft, in order. */
    List<Section> sections(long consultationId, int version) {
        return jdbc.query("select id, draft_version, position, heading, body from consultation_section"
                        + " where consultation_id = ? and draft_version = ? and community_id = ? order by position",
                (rs, i) -> new Section(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                consultationId, version, CurrentCommunity.require().id());
    }

    /** Writes the sections of a version of the draft. */
    void writeSections(long consultationId, int version, List<DraftSections.Part> parts) {
        long community = CurrentCommunity.require().id();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            rows.add(new Object[] {community, consultationId, version, i + 1, parts.get(i).heading(), parts.get(i).body()});
        }
        jdbc.batchUpdate("insert into consultation_section (community_id, consultation_id, draft_version, position, heading, body)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Everything written on the consultation, comments and amendments in the order written with their
     * replies under them; each amendment with its counts and its difference from its section.
     */
    List<Contribution> contributions(long consultationId) {
        Map<Long, String> sectionText = new LinkedHashMap<>();
        jdbc.query("select id, body from consultation_section where consultation_id = ? and community_id = ?",
                rs -> { sectionText.put(rs.getLong(1), rs.getString(2)); }, consultationId, CurrentCommunity.require().id());
        List<Contribution> all = jdbc.query(CONTRIBUTIONS + " where c.consultation_id = ? and c.community_id = ?"
                + " order by c.created_at, c.id", ConsultationRecords::contribution, consultationId, CurrentCommunity.require().id());
        Map<Long, List<Contribution>> replies = new LinkedHashMap<>();
        List<Contribution> top = new ArrayList<>();
        for (Contribution c : all) {
            if (c.parentId() != null) {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Contribution c : all) {
            if (c.parentId() == null) {
                Contribution full = c.withReplies(replies.getOrDefault(c.id(), List.of()));
                if (full.proposal() && full.proposedText() != null) {
                    full = full.withDiff(WordDiff.of(sectionText.getOrDefault(c.sectionId(), ""), full.proposedText()));
                }
                top.add(full);
            }
        }
        return top;
    }

    /** One contribution of the current community, without replies or difference; 404 if there is none. */
    Contribution contribution(long id) {
        return jdbc.query(CONTRIBUTIONS + " where c.id = ? and c.community_id = ?", ConsultationRecords::contribution,
                id, CurrentCommunity.require().id()).stream().findFirst().orElseThrow(ConsultationRecords::notFound);
    }

    /** The consultation a contribution belongs to. */
    long consultationOf(long contributionId) {
        return jdbc.queryForList("select consultation_id from consultation_comment where id = ? and community_id = ?", Long.class,
                contributionId, CurrentCommunity.require().id()).stream().findFirst().orElseThrow(ConsultationRecords::notFound);
    }

    private static final String CONTRIBUTIONS = "select c.id, c.section_id, c.parent_id, c.kind, c.person_id, c.author_name, c.text,"
            + " c.proposed_text, c.created_at, c.hidden_at, c.decision, c.decision_reason, c.decided_at,"
            + " (select count(*) from consultation_support s where s.proposal_id = c.id and s.stance = 1),"
            + " (select count(*) from consultation_support s where s.proposal_id = c.id and s.stance = -1)"
            + " from consultation_comment c";

    private static Contribution contribution(ResultSet rs, int i) throws SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        String decision = rs.getString(11);
        return new Contribution(rs.getLong(1), rs.getLong(2), parentId, Contribution.Kind.valueOf(rs.getString(4)), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) != null,
                decision == null ? null : Contribution.Decision.valueOf(decision), rs.getString(12), instant(rs.getTimestamp(13)),
                rs.getInt(14), rs.getInt(15), List.of(), List.of());
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A consultation as the owner of its attachments (PDF or images by content; at most 5, 10 MB each). */
    static Attachments.Owner files(long consultationId) {
        return new Attachments.Owner("consultations", "consultation", consultationId);
    }

    static NotFoundException notFound() {
        return new NotFoundException("consultation.error.notFound");
    }
}
