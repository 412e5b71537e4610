package ua.viche.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ua.viche.appeals.AppealsModule;
import ua.viche.identity.Eligibility;
import ua.viche.identity.Identity;
import ua.viche.petitions.PetitionForwardedAsAppeal;
import ua.viche.platform.AccessControl;
import ua.viche.platform.AppealTerms;
import ua.viche.platform.AuditLog;
import ua.viche.platform.Community;
import ua.viche.platform.CurrentCommunity;
import ua.viche.platform.FileStore;
import ua.viche.platform.Refusal;
import ua.viche.platform.Role;
import ua.viche.platform.SignedInUser;
import ua.viche.platform.VicheSettings;
import ua.viche.platform.WorkingDays;

/**
 * Registering appeals, whatever the channel: filed on the web, a hotline call typed by an operator,
 * a complaint about an answer, a petition forwarded below its threshold; and the applicant's rating
 * of an answer. Each appeal takes the next number of its community and year in the same transaction.
 */
@Service
public class AppealRegistration
{

    private final AppealRepository appeals;
    private final AppealCategoryRepository categories;
    private final JdbcTemplate jdbc;
    private final AccessControl access;
    private final AuditLog audit;
    private final WorkingDays days;
    private final Clock clock;
    private final VicheSettings settings;
    private final MessageSource messages;
    private final AppealRecords records;

    AppealRegistration(AppealRepository appeals, AppealCategoryRepository categories, JdbcTemplate jdbc, AccessControl access, AuditLog audit, WorkingDays days, Clock clock, VicheSettings settings, MessageSource messages, AppealRecords records) {
        this.appeals = appeals;
        this.categories = categories;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.days = days;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
        this.records = records;
    }

    /** What an appeal says, as the applicant (or the operator for them) wrote it. */
    public record Request(Appeal.Kind kind, @Nullable Long categoryId, String subject, String text, String address,
                          @Nullable String phone, @Nullable String benefit) {}


    /** Files an appeal from the web by the signed-in person (e-mail confirmed: the answer goes there). */
    @Transactional
    public Appeal file(Request request, List<FileStore.Upload> uploads) {
        Identity.PersonRef person = applicant();
        AppealRecords.checkUploads(uploads, 0);
        Appeal a = register(Appeal.Channel.WEB, new Appeal.Applicant(person.personId(), person.accountId(), person.name(),
                request.address(), person.email(), request.phone(), request.benefit()), request, Instant.now(clock));
        records.store(a, uploads, false);
        return a;
    }

    /** Registers a call to the hotline on the caller's behalf (the operator types what the caller says). */
    @Transactional
    public Appeal registerCall(Request request, String name, @Nullable String email, List<FileStore.Upload> uploads) {
        SignedInUser operator = access.require(Role.HOTLINE_OPERATOR, Role.COMMUNITY_ADMIN);
        AppealRecords.checkUploads(uploads, 0);
        Appeal a = register(Appeal.Channel.HOTLINE, new Appeal.Applicant(null, null, name, request.address(), email,
                request.phone(), request.benefit()), request, Instant.now(clock));
        a.registeredBy(operator.accountId());
        records.store(a, uploads, false);
        audit.record("appeal.registeredCall", "appeal", a.getId(), a.getRegistrationNumber());
        return a;
    }

    /** A complaint about the answer to one's own appeal, linked to it. */
    @Transactional
    public Appeal complain(long parentId, String text, List<FileStore.Upload> uploads) {
        Identity.PersonRef person = applicant();
        Appeal parent = appeals.findById(parentId).filter(records.viewer()::applicant).orElseThrow(AppealRecords::notFound);
        if (!parent.answerAppealable()) {
            throw Refusal.of("appeal.error.notAnswered");
        }
        AppealRecords.checkUploads(uploads, 0);
        // the appeal is the council's record, kept in Ukrainian whatever the language of the page
        String subject = AppealRecords.trim(messages.getMessage("appeal.complaint.subject",
                new Object[] {parent.getRegistrationNumber(), parent.getSubject()}, AppealRecords.UK), Appeal.MAX_SUBJECT);
        Request request = new Request(Appeal.Kind.COMPLAINT, parent.getCategoryId(), subject, text, parent.getApplicantAddress(),
                parent.getApplicantPhone(), parent.getBenefit());
        // the complaint keeps the topic and department of the appeal it is about, as they stand now
        Appeal a = register(Appeal.Channel.WEB, new Appeal.Applicant(person.personId(), person.accountId(), person.name(),
                parent.getApplicantAddress(), person.email(), parent.getApplicantPhone(), parent.getBenefit()), request,
                parent.getDepartmentId(), Instant.now(clock));
        a.complaintAbout(parent);
        records.store(a, uploads, false);
        records.log(parent, "complained", false, person.name(), a.getRegistrationNumber());
        return a;
    }

    @Transactional
    public Appeal rate(long id, int value, @Nullable String comment) {
        Appeal a = appeals.findForUpdate(id).filter(records.viewer()::applicant).orElseThrow(AppealRecords::notFound);
        a.rate(value, comment, Instant.now(clock));
        records.log(a, "rated", false, a.getApplicantName(), value + (a.getRatingComment() == null ? "" : " — " + a.getRatingComment()));
        return a;
    }


    /**
     * Registers a petition whose collection ended below the threshold as an appeal of its author
     * (once per petition, however often the event is delivered). In a transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Appeal> fromPetition(PetitionForwardedAsAppeal e) {
        if (appeals.findBySourcePetitionId(e.petitionId()).isPresent()) {
            return Optional.empty();
        }
        String text = e.text() + "\n\n— " + messages.getMessage("appeal.fromPetition",
                new Object[] {String.valueOf(e.signatureCount()), settings.absolute(e.url())}, AppealRecords.UK);
        Request request = new Request(Appeal.Kind.PROPOSAL, null, AppealRecords.trim(e.title(), Appeal.MAX_SUBJECT),
                AppealRecords.trim(text, Appeal.MAX_TEXT), "—", null, null);
        Appeal a = register(Appeal.Channel.PETITION, new Appeal.Applicant(e.authorPersonId(), null, e.authorName(),
                "—", e.authorEmail(), null, null), request, Instant.now(clock));
        a.forwardedFrom(e.petitionId());
        return Optional.of(a);
    }


    private Appeal register(Appeal.Channel channel, Appeal.Applicant applicant, Request request, Instant now) {
        Long department = null;
        if (request.categoryId() != null) {
            AppealCategory category = categories.findById(request.categoryId()).filter(AppealCategory::isActive)
                    .orElseThrow(() -> Refusal.of("appeal.error.category"));
            department = category.getDepartmentId();
        } else if (channel != Appeal.Channel.PETITION) {
            throw Refusal.of("appeal.error.category");
        }
        return register(channel, applicant, request, department, now);
    }

    /** Registers an appeal whose category (if any) and department are already settled. */
    private Appeal register(Appeal.Channel channel, Appeal.Applicant applicant, Request request, @Nullable Long department,
                            Instant now) {
        LocalDate registeredOn = AppealTerms.registrationDay(now, AppealsModule.CLOSES.value(), days);
        // The number is taken in this transaction: a refused appeal rolls it back, so numbers have no gaps.
        Appeal a = appeals.save(Appeal.register(nextNumber(registeredOn.getYear()), channel, applicant,
                new Appeal.Content(request.kind(), request.subject(), request.text(), request.categoryId(), department),
                now, registeredOn, days));
        records.log(a, "registered", false, null, AppealRecords.day(a.getDueOn()));
        records.tell(a, "mail.appeal.registered", a.getRegistrationNumber(), a.getSubject(), AppealRecords.day(a.getDueOn()), records.link(a));
        return a;
    }

    /** Takes the next registration number of the community and year, e.g. {@code К-2026-000123}. */
    private String nextNumber(int year) {
        Community c = CurrentCommunity.require();
        Integer n = jdbc.queryForObject("insert into appeal_number (community_id, year, last_number) values (?, ?, 1)"
                + " on conflict (community_id, year) do update set last_number = appeal_number.last_number + 1"
                + " returning last_number", Integer.class, c.id(), year);
        return "%s-%d-%06d".formatted(numberPrefix(c), year, n);
    }

    /** The letter(s) before a registration number: the setting, else the first letter of the community's name. */
    public static String numberPrefix(Community c) {
        String prefix = AppealsModule.PREFIX.value(c);
        return prefix.isEmpty() ? c.nameUk().substring(0, 1).toUpperCase(AppealRecords.UK) : prefix;
    }

    private Identity.PersonRef applicant() {
        Eligibility e = records.eligibility();
        if (!e.allowed()) {
            throw Refusal.of(e.reasonKey());
        }
        return e.signedInPerson();
    }
}
