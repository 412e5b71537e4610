package ua.viche.consultations.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.identity.Participation;
import ua.viche.platform.Attachment;
import ua.viche.platform.Attachments;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.Dates;
import ua.viche.platform.Paging;
import ua.viche.search.SiteSearch;

/**
 * Reading consultations: the lists, a consultation's page with its sections and what was written on
 * each, the difference between versions of the draft, the report and the amendments as open data.
 */
@Service
@Transactional(readOnly = true)
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final ConsultationRecords records;
    private final Attachments attachments;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SiteSearch siteSearch;

    ConsultationService(ConsultationRepository consultations, ConsultationRecords records, Attachments attachments, JdbcTemplate jdbc,
                        Clock clock, SiteSearch siteSearch) {
        this.siteSearch = siteSearch;
        this.consultations = consultations;
        this.records = records;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Consultations open now or announced, soonest closing first. */
    public List<Consultation> openNow(int limit) {
        return consultations.findOpen(Instant.now(clock), PageRequest.of(0, limit)).getContent();
    }

    public List<Consultation> allVisible() {
        return consultations.findAllVisible();
    }

    public Page<Consultation> list(ConsultationList which, int page, int size) {
        Instant now = Instant.now(clock);
        return switch (which) {
            case OPEN -> consultations.findOpen(now, Paging.of(page, size));
            case AWAITING -> consultations.findAwaitingReport(now, Paging.of(page, size));
            case REPORTED -> consultations.findReported(Paging.of(page, size));
        };
    }

    public Consultation visible(long id) {
        return records.visible(id);
    }

    private static final Pattern FOUND = Pattern.compile("/consultations/(\\d+)(?:-.*)?");

    /**
     * The visible consultations whose title, summary, draft or report hold the words in any of their
     * forms (the site search, with its Ukrainian morphology), best match first, a page of
     * {@link SiteSearch#PAGE_SIZE} from {@code page} 0.
     */
    public Page<Consultation> search(String words, int page) {
        Community community = CurrentCommunity.require();
        int p = Math.max(0, Math.min(page, SiteSearch.MAX_PAGE - 1));
        SiteSearch.Result found = siteSearch.search(community,
                new SiteSearch.Query(words, "consultation", null, null, p), Dates.day(Instant.now(clock)), LocaleContextHolder.getLocale());
        List<Long> ids = new ArrayList<>();
        for (SiteSearch.Hit hit : found.hits()) {
            Matcher m = FOUND.matcher(hit.url());
            if (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        Map<Long, Consultation> byId = ids.isEmpty() ? Map.of()
                : consultations.findByIdIn(ids).stream().filter(Consultation::publiclyVisible)
                        .collect(Collectors.toMap(Consultation::getId, c -> c));
        List<Consultation> list = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        long total = Math.min(found.total(), (long) SiteSearch.MAX_PAGE * SiteSearch.PAGE_SIZE);
        return new PageImpl<>(list, PageRequest.of(p, SiteSearch.PAGE_SIZE), Math.max(total, (long) p * SiteSearch.PAGE_SIZE + list.size()));
    }

    /** How many amendments each consultation has (hidden ones not counted). */
    public Map<Long, Integer> proposalCounts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select consultation_id, count(*) from consultation_comment where community_id = ? and kind = 'PROPOSAL'"
                        + " and hidden_at is null and consultation_id = any (?) group by consultation_id",
                rs -> {
                    Map<Long, Integer> out = new HashMap<>();
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getInt(2));
                    }
                    return out;
                }, CurrentCommunity.require().id(), ids.stream().mapToLong(Long::longValue).toArray());
    }

    /** A section with what was written on it. */
    public record SectionView(Section section, List<Contribution> contributions) {}

    /** A consultation's page: its current sections with what was written, its files and whether the viewer may take part. */
    public record ConsultationPage(Consultation consultation, List<SectionView> sections, List<Attachment> attachments,
                                   Participation.Answer participation, int proposals, int undecided) {}

    public ConsultationPage page(long id) {
        Consultation c = records.visible(id);
        List<Contribution> all = records.contributions(id);
        Map<Long, List<Contribution>> bySection = all.stream().collect(Collectors.groupingBy(Contribution::sectionId));
        List<SectionView> sections = new ArrayList<>();
        for (Section s : records.sections(id, c.getDraftVersion())) {
            sections.add(new SectionView(s, bySection.getOrDefault(s.id(), List.of())));
        }
        // what was written on an earlier version stays on the page, under the section of the same place
        List<Long> current = sections.stream().map(v -> v.section().id()).toList();
        List<Contribution> earlier = all.stream().filter(x -> !current.contains(x.sectionId())).toList();
        if (!earlier.isEmpty()) {
            Map<Long, Integer> positions = new HashMap<>();
            jdbc.query("select id, position from consultation_section where consultation_id = ? and community_id = ?",
                    rs -> { positions.put(rs.getLong(1), rs.getInt(2)); }, id, CurrentCommunity.require().id());
            for (Contribution x : earlier) {
                int position = positions.getOrDefault(x.sectionId(), 1);
                int at = Math.max(0, Math.min(sections.size() - 1, position - 1));
                SectionView v = sections.get(at);
                List<Contribution> merged = new ArrayList<>(v.contributions());
                merged.add(x);
                merged.sort(Comparator.comparing(Contribution::createdAt));
                sections.set(at, new SectionView(v.section(), merged));
            }
        }
        int proposals = (int) all.stream().filter(x -> x.proposal() && !x.hidden()).count();
        int undecided = (int) all.stream().filter(x -> x.proposal() && !x.hidden() && !x.decided()).count();
        return new ConsultationPage(c, sections, attachments.list(ConsultationRecords.files(id)), records.participation(c),
                proposals, undecided);
    }

    /** The sections of one version of the draft (1 is the first). */
    public List<Section> sections(long id, int version) {
        Consultation c = records.visible(id);
        if (version < 1 || version > c.getDraftVersion()) {
            throw ConsultationRecords.notFound();
        }
        return records.sections(id, version);
    }

    /** The word-level difference of a version of the draft from the one before it. */
    public List<WordDiff.Piece> versionDiff(long id, int version) {
        if (version < 2) {
            throw ConsultationRecords.notFound();
        }
        String before = DraftSections.toMarkdown(sections(id, version - 1).stream().map(Section::part).toList());
        String after = DraftSections.toMarkdown(sections(id, version).stream().map(Section::part).toList());
        return WordDiff.of(before, after);
    }

    /** Who took part and how much. */
    public record Figures(int people, int comments, int proposals, int replies, int supports, int objections) {}

    /**
     * A civic organisation that took part: its name (as it was when its people wrote), how many people
     * wrote on its behalf, and its comments, amendments and replies (hidden ones not counted).
     */
    public record OrganisationPart(long organisationId, String name, int people, int comments, int proposals, int replies) {

        public int contributions() {
            return comments + proposals + replies;
        }
    }

    /** The report: the figures, the organisations that took part, every amendment with its decision and reason, and the final text. */
    public record Report(Consultation consultation, Figures figures, List<OrganisationPart> organisations, List<Contribution> proposals) {}

    public Report report(long id) {
        Consultation c = records.visible(id);
        List<Contribution> proposals = records.contributions(id).stream().filter(x -> x.proposal() && !x.hidden()).toList();
        return new Report(c, figures(id), organisations(id), proposals);
    }

    /** The organisations on whose behalf people wrote on the consultation, by name. */
    public List<OrganisationPart> organisations(long id) {
        records.visible(id);
        return jdbc.query("select organisation_id, min(organisation_name), count(distinct person_id),"
                        + " count(*) filter (where kind = 'COMMENT'), count(*) filter (where kind = 'PROPOSAL'),"
                        + " count(*) filter (where kind = 'REPLY')"
                        + " from consultation_comment where consultation_id = ? and community_id = ? and hidden_at is null"
                        + " and organisation_id is not null group by organisation_id order by min(organisation_name), organisation_id",
                (rs, i) -> new OrganisationPart(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                id, CurrentCommunity.require().id());
    }

    /** The organisation each contribution of the consultation was written on behalf of, by contribution id. */
    public Map<Long, String> organisationOf(long id) {
        Map<Long, String> out = new HashMap<>();
        jdbc.query("select id, organisation_name from consultation_comment where consultation_id = ? and community_id = ?"
                        + " and organisation_id is not null",
                rs -> {
                    out.put(rs.getLong(1), rs.getString(2));
                }, id, CurrentCommunity.require().id());
        return out;
    }

    Figures figures(long id) {
        long community = CurrentCommunity.require().id();
        return jdbc.queryForObject("select (select count(distinct person_id) from (select person_id from consultation_comment"
                        + " where consultation_id = ? and community_id = ? and hidden_at is null union select s.person_id"
                        + " from consultation_support s join consultation_comment c on c.id = s.proposal_id where c.consultation_id = ?) p),"
                        + " count(*) filter (where kind = 'COMMENT'), count(*) filter (where kind = 'PROPOSAL'),"
                        + " count(*) filter (where kind = 'REPLY'),"
                        + " (select count(*) from consultation_support s join consultation_comment c on c.id = s.proposal_id"
                        + "   where c.consultation_id = ? and s.stance = 1 and c.hidden_at is null),"
                        + " (select count(*) from consultation_support s join consultation_comment c on c.id = s.proposal_id"
                        + "   where c.consultation_id = ? and s.stance = -1 and c.hidden_at is null)"
                        + " from consultation_comment where consultation_id = ? and community_id = ? and hidden_at is null",
                (rs, i) -> new Figures(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                id, community, id, id, id, id, community);
    }

    /** Every amendment of the community's visible consultations with its decision, for open data. */
    public record ProposalRow(long consultationId, String consultationTitle, long proposalId, @Nullable String sectionHeading,
                              String proposedText, String reason, int supports, int objections, Instant createdAt,
                              @Nullable String decision, @Nullable String decisionReason, @Nullable Instant decidedAt) {}

    public List<ProposalRow> proposals() {
        return jdbc.query("select k.id, k.title, c.id, s.heading, c.proposed_text, c.text,"
                        + " (select count(*) from consultation_support x where x.proposal_id = c.id and x.stance = 1),"
                        + " (select count(*) from consultation_support x where x.proposal_id = c.id and x.stance = -1),"
                        + " c.created_at, c.decision, c.decision_reason, c.decided_at"
                        + " from consultation_comment c join consultation k on k.id = c.consultation_id"
                        + " join consultation_section s on s.id = c.section_id"
                        + " where c.community_id = ? and c.kind = 'PROPOSAL' and c.hidden_at is null and k.hidden_at is null"
                        + " order by k.id, c.id",
                (rs, i) -> new ProposalRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getString(11), ConsultationRecords.instant(rs.getTimestamp(12))),
                CurrentCommunity.require().id());
    }

    /** A file of a visible consultation. */
    public Attachment attachment(long id, long attachmentId) {
        records.visible(id);
        return attachments.find(List.of(ConsultationRecords.files(id)), attachmentId).orElseThrow(ConsultationRecords::notFound);
    }
}
