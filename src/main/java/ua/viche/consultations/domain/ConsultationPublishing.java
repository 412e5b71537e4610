package ua.viche.consultations.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.consultations.ConsultationsModule;
import ua.viche.platform.AccessControl;
import ua.viche.platform.Attachments;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Communities;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;

/**
 * Officials' work on the draft: publishing a consultation (the draft in sections, typed or imported,
 * its attachments, the responsible department, the period and who may take part) and publishing a
 * new version of the draft. Every action is audited.
 */
@Service
public class ConsultationPublishing {

    /** PDF or images, five files of 10 MB, named as sent. */
    public static final Attachments.Policy FILES = Attachments.Policy.DOCUMENTS;

    /** What an official sends to publish a consultation. */
    public record Draft(String title, String summary, @Nullable Long departmentId, LocalDate firstDay, LocalDate lastDay,
                        boolean residencyRequired, int minimumAge, List<DraftSections.Part> sections,
                        List<FileStore.Upload> files) {}

    private final ConsultationRepository consultations;
    private final ConsultationRecords records;
    private final AccessControl access;
    private final AuditLog audit;
    private final Attachments attachments;
    private final Communities communities;
    private final Clock clock;

    ConsultationPublishing(ConsultationRepository consultations, ConsultationRecords records, AccessControl access, AuditLog audit,
                           Attachments attachments, Communities communities, Clock clock) {
        this.consultations = consultations;
        this.records = records;
        this.access = access;
        this.audit = audit;
        this.attachments = attachments;
        this.communities = communities;
        this.clock = clock;
    }

    @Transactional
    public Consultation publish(Draft draft) {
        SignedInUser user = access.require(Role.OFFICIAL);
        if (draft.title().isBlank()) {
            throw Refusal.field("title", "consultation.error.titleRequired");
        }
        if (draft.title().strip().length() > Consultation.MAX_TITLE) {
            throw Refusal.field("title", "consultation.error.titleTooLong", Consultation.MAX_TITLE);
        }
        if (draft.summary().strip().length() > Consultation.MAX_SUMMARY) {
            throw Refusal.field("summary", "consultation.error.summaryTooLong", Consultation.MAX_SUMMARY);
        }
        if (draft.departmentId() != null && communities.department(draft.departmentId()).isEmpty()) {
            throw Refusal.field("departmentId", "consultation.error.department");
        }
        FILES.refusal(draft.files(), 0).ifPresent(r -> {
            throw Refusal.field("files", "consultation.error." + r.key());
        });
        Consultation c = new Consultation(draft.title(), draft.summary(), draft.departmentId(), draft.firstDay(), draft.lastDay(),
                ConsultationsModule.PERIOD_DAYS.value(), ConsultationsModule.REPORT_DAYS.value(), draft.residencyRequired(),
                draft.minimumAge(), user.accountId(), Instant.now(clock));
        c.firstVersion(DraftSections.plain(draft.sections()));
        consultations.saveAndFlush(c);
        records.writeSections(c.getId(), 1, draft.sections());
        attachments.store(ConsultationRecords.files(c.getId()), FILES, draft.files());
        audit.record("consultation.published", "consultation", c.getId(), c.getTitle());
        return c;
    }

    /**
     * Publishes a new version of the draft while the consultation has no report; what people wrote
     * stays with the sections of the version they read. Refuses a version that changes nothing.
     */
    @Transactional
    public Consultation newVersion(long id, List<DraftSections.Part> sections) {
        access.require(Role.OFFICIAL);
        Consultation c = records.forUpdate(id);
        List<Section> current = records.sections(id, c.getDraftVersion());
        String before = DraftSections.toMarkdown(current.stream().map(Section::part).toList());
        if (!WordDiff.changed(before, DraftSections.toMarkdown(sections))) {
            throw Refusal.field("text", "consultation.error.versionUnchanged");
        }
        c.nextVersion(DraftSections.plain(sections));
        records.writeSections(id, c.getDraftVersion(), sections);
        audit.record("consultation.newVersion", "consultation", id, String.valueOf(c.getDraftVersion()));
        return c;
    }

    /** Hides a consultation published by mistake or in breach of the rules (moderators). */
    @Transactional
    public Consultation hide(long id, String reason) {
        access.require(Role.MODERATOR);
        Consultation c = records.forUpdate(id);
        c.hide(Instant.now(clock), reason);
        audit.record("consultation.hidden", "consultation", id, reason);
        return c;
    }
}
