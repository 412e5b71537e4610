package ua.viche.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whether the signed-in person may take an action that counts people in a community: who they
 * are ({@code person}, null for a visitor), the level the community requires, and residency if it
 * requires that, decided by {@link Participation} for an action that is always open. {@link #reasonKey()} names the message that tells the user what is missing.
 * {@code declaredResidency} is true when the person is a resident only by their own declaration of
 * an address (not a verified address or the census list), which counted actions record and show.
 */
public record Eligibility(Identity.@Nullable PersonRef person, AssuranceLevel level, AssuranceLevel required,
                          boolean resident, boolean residencyRequired, boolean declaredResidency) {

    public Eligibility(Identity.@Nullable PersonRef person, AssuranceLevel level, AssuranceLevel required,
                       boolean resident, boolean residencyRequired) {
        this(person, level, required, resident, residencyRequired, false);
    }

    /** Whether what is missing is residency alone (the page then explains how to declare an address). */
    public boolean residencyMissing() {
        return answer().residencyMissing();
    }

    public boolean signedIn() {
        return person != null;
    }

    public boolean allowed() {
        return answer().allowed();
    }

    /** The signed-in person; a visitor is sent to sign in. */
    public Identity.PersonRef signedInPerson() {
        if (person == null) {
            throw new AccessDeniedException("sign in");
        }
        return person;
    }

    public String reasonKey() {
        return answer().reasonKey();
    }

    /** The participation rule's answer for an action that is always open and asks no age. */
    private Participation.Answer answer() {
        Participation.Participant who = person == null ? Participation.Participant.VISITOR
                : new Participation.Participant(person, true, level, person.birthDate(),
                        resident ? (declaredResidency ? ResidencyBasis.DECLARED : ResidencyBasis.VERIFIED_ADDRESS) : null);
        return Participation.decide(who, new Participation.Requirements(required, residencyRequired, 0),
                Participation.Window.ALWAYS, Instant.EPOCH, false);
    }
}
