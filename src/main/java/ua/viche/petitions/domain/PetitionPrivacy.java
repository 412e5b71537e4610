package ua.viche.petitions.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountDeleted;
import ua.viche.identity.Identity;
import ua.viche.identity.PersonalData;
import ua.viche.platform.Attachments;
import ua.viche.platform.Communities;
import ua.viche.platform.Slugs;

/**
 * The petitions' personal data. Export: the person's petitions, the petitions they signed (a hidden one
 * too) and those they reported to the moderators. When a person deletes their account: their drafts are deleted, with their attachments' files; their signatures stay counted but
 * lose the name and notification address; their published petitions stay (they are public
 * documents the council answered) without the author's name and e-mail. Runs in the deletion's
 * transaction, so both happen or neither.
 */
@Component
class PetitionPrivacy implements PersonalData {

    private final JdbcTemplate jdbc;
    private final Attachments attachments;
    private final Communities communities;
    private final PetitionService petitions;
    private final PetitionRepository repository;
    private final MessageSource messages;

    PetitionPrivacy(JdbcTemplate jdbc, Attachments attachments, Communities communities, PetitionService petitions,
                    PetitionRepository repository, MessageSource messages) {
        this.jdbc = jdbc;
        this.attachments = attachments;
        this.communities = communities;
        this.petitions = petitions;
        this.repository = repository;
        this.messages = messages;
    }

    @Override
    public List<Item> export(Identity.PersonRef person, Locale locale) {
        long personId = person.personId();
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Petition p : petitions.byAuthor(personId)) {
                items.add(new Item("petition", messages.getMessage("petition.activity.authored", new Object[] {p.getTitle(),
                        messages.getMessage("petition.status." + p.getStatus(), null, locale)}, locale),
                        p.getCreatedAt(), PetitionService.url(p)));
            }
            // every petition signed, a hidden one too: the export is all the module holds, not what the public sees
            List<Signature> signed = petitions.signedBy(personId);
            if (!signed.isEmpty()) {
                Map<Long, Petition> byId = new HashMap<>();
                repository.findAllById(signed.stream().map(Signature::getPetitionId).toList()).forEach(p -> byId.put(p.getId(), p));
                for (Signature s : signed) {
                    Petition p = byId.get(s.getPetitionId());
                    if (p != null) {
                        items.add(new Item("signature", messages.getMessage("petition.activity.signed",
                                new Object[] {p.getTitle()}, locale), s.getSignedAt(), PetitionService.url(p)));
                    }
                }
            }
            jdbc.query("""
                    select p.id, p.title, r.reported_at from petition_report r join petition p on p.id = r.petition_id
                     where r.person_id = ? and r.community_id = ?""", rs -> {
                String title = rs.getString(2);
                items.add(new Item("petition-report", messages.getMessage("petition.activity.reported", new Object[] {title}, locale),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        "/" + c.slug() + "/petitions/" + rs.getLong(1) + "-" + Slugs.of(title, 60)));
            }, personId, c.id());
        });
        return items;
    }

    @Override
    public Erasure erase(AccountDeleted event) {
        String drafts = "select id from petition where author_person_id = ? and status = 'DRAFT'";
        attachments.deleteAll(jdbc.queryForList(drafts, Long.class, event.personId()).stream().map(PetitionRecords::files).toList());
        jdbc.update("delete from petition where author_person_id = ? and status = 'DRAFT'", event.personId());
        jdbc.update("update petition_signature set signer_name = '', notify = false, notify_email = null where person_id = ?",
                event.personId());
        jdbc.update("update petition set author_name = '', author_email = null, author_account_id = null where author_person_id = ?",
                event.personId());
        return Erasure.complete();
    }
}
