package ua.viche.petitions.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ua.viche.identity.AccountActivity;
import ua.viche.platform.Communities;

/** "My petitions" and "petitions I signed" on the account page and in the data export. */
@Component
class PetitionActivity implements AccountActivity {

    private final Communities communities;
    private final PetitionService petitions;
    private final MessageSource messages;

    PetitionActivity(Communities communities, PetitionService petitions, MessageSource messages) {
        this.communities = communities;
        this.petitions = petitions;
        this.messages = messages;
    }

    @Override
    public List<Item> itemsOf(long personId, Locale locale) {
        List<Item> items = new ArrayList<>();
        communities.forEach(c -> {
            for (Petition p : petitions.byAuthor(personId)) {
                items.add(new Item("petition", messages.getMessage("petition.activity.authored", new Object[] {p.getTitle(),
                        messages.getMessage("petition.status." + p.getStatus(), null, locale)}, locale),
                        p.getCreatedAt(), PetitionService.url(p)));
            }
            List<Signature> signed = petitions.signedBy(personId);
            if (!signed.isEmpty()) {
                java.util.Map<Long, Petition> byId = new java.util.HashMap<>();
                petitions.allPublic().forEach(p -> byId.put(p.getId(), p));
                for (Signature s : signed) {
                    Petition p = byId.get(s.getPetitionId());
                    if (p != null) {
                        items.add(new Item("signature", messages.getMessage("petition.activity.signed",
                                new Object[] {p.getTitle()}, locale), s.getSignedAt(), PetitionService.url(p)));
                    }
                }
            }
        });
        items.sort(java.util.Comparator.comparing(Item::at).reversed());
        return items;
    }
}
