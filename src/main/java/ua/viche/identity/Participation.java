package ua.viche.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import ua.viche.platform.Dates;

/**
 * The one rule of whether a person may take part in something now: sign a petition, vote for or
 * support a budget project, draft either, and whatever later counts people (consultations, civic
 * initiatives). A pure function of its inputs ({@link #decide}): who asks ({@link Participant}, read
 * by {@link Identity#participant}), what the community and the action require ({@link Requirements},
 * from {@link Identity#requirements}), when the action is open ({@link Window}), the moment, and
 * whether the person has done it already. The page asks it to choose what to offer (the button, or
 * the reason with the way to fix it) and the action asks it again to refuse, so the two never
 * disagree (decision 0036).
 *
 * <p>The checks run in a fixed order and the first that fails is the answer: the window (not open yet,
 * closed), signed in, done already (so that someone who took part can still see and take back what
 * they did), the assurance level, residency, age.
 */
public final class Participation {

    private Participation() {}

    /** Why a person may not take part now. Each has a default message; a module may word some its own way. */
    public enum Reason {
        NOT_OPEN_YET("eligibility.notOpenYet"),
        CLOSED("eligibility.closed"),
        NOT_SIGNED_IN("eligibility.signIn"),
        ALREADY_DONE("eligibility.alreadyDone"),
        EMAIL_NOT_CONFIRMED("eligibility.confirmEmail"),
        NOT_VERIFIED("eligibility.verify"),
        NOT_RESIDENT("eligibility.residency"),
        AGE_UNKNOWN("eligibility.ageUnknown"),
        TOO_YOUNG("eligibility.tooYoung");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        /** The default message key. */
        public String key() {
            return key;
        }

        /** Whether the reason is about the moment rather than the person. */
        public boolean aboutTime() {
            return this == NOT_OPEN_YET || this == CLOSED;
        }
    }

    /**
     * What an action requires: the assurance level, residency in the community, and a minimum age in
     * full years on the day of the action (0: none; the date of birth then need not be known).
     */
    public record Requirements(AssuranceLevel level, boolean residency, int minimumAge) {}

    /**
     * When an action is open: from {@code opens} (null: always was) until {@code closes} inclusive
     * (null: never closes). A moment at the exact end is still within, one after it is not, as
     * {@link Dates#within} says for every period.
     */
    public record Window(@Nullable Instant opens, @Nullable Instant closes) {

        /** Open at every moment. */
        public static final Window ALWAYS = new Window(null, null);

        /** Open until the end of this moment. */
        public static Window until(Instant closes) {
            return new Window(null, closes);
        }

        /** Open from the start of the first day to the end of the last, Kyiv time. */
        public static Window days(LocalDate first, LocalDate last) {
            return new Window(first.atStartOfDay(Dates.KYIV).toInstant(), Dates.endOfDay(last));
        }

        /** Not open yet at any moment (a draft, a petition in moderation). */
        public static Window notYetOpen() {
            return new Window(Instant.MAX, null);
        }

        /** Closed at every moment (taken back, hidden, answered). */
        public static Window closed() {
            return new Window(null, Instant.MIN);
        }

        public boolean opened(Instant now) {
            return opens == null || !now.isBefore(opens);
        }

        public boolean over(Instant now) {
            return closes != null && !Dates.within(now, closes);
        }

        public boolean contains(Instant now) {
            return opened(now) && !over(now);
        }
    }

    /**
     * Who asks: the signed-in person ({@code person}, null for a visitor and for a person an official
     * identified from documents), whether they are identified at all, their level and date of birth,
     * and on what they live in the community (null when they do not, or when it was not asked).
     */
    public record Participant(Identity.@Nullable PersonRef person, boolean identified, AssuranceLevel level,
                              @Nullable LocalDate birthDate, @Nullable ResidencyBasis residency) {

        public static final Participant VISITOR = new Participant(null, false, AssuranceLevel.NONE, null, null);

        public static Participant signedIn(Identity.PersonRef person, @Nullable ResidencyBasis residency) {
            return new Participant(person, true, person.level(), person.birthDate(), residency);
        }

        /** A person an official identified from their documents (a paper ballot): verified, without an account. */
        public static Participant documented(@Nullable LocalDate birthDate, @Nullable ResidencyBasis residency) {
            return new Participant(null, true, AssuranceLevel.VERIFIED, birthDate, residency);
        }
    }

    /**
     * The answer: allowed ({@code reason} null) or the first reason against, with the person and
     * whether their residency rests on their own declaration (which counted actions record). The
     * module's own wording of some reasons ({@link #worded}) is part of the answer, so the page and the
     * refusal say the same.
     */
    public record Answer(@Nullable Reason reason, Identity.@Nullable PersonRef person, boolean declaredResidency,
                         Map<Reason, String> wording) {

        public boolean allowed() {
            return reason == null;
        }

        public boolean refused(Reason r) {
            return reason == r;
        }

        /** Whether the window is open now (the page then offers the action or says why not). */
        public boolean open() {
            return reason == null || !reason.aboutTime();
        }

        public boolean signedIn() {
            return person != null;
        }

        public boolean alreadyDone() {
            return reason == Reason.ALREADY_DONE;
        }

        /** Whether what is missing is residency (the page then explains how to declare an address). */
        public boolean residencyMissing() {
            return reason == Reason.NOT_RESIDENT;
        }

        /** The message saying what is missing, in the module's wording; {@code eligibility.ok} when allowed. */
        public String reasonKey() {
            return reason == null ? "eligibility.ok" : wording.getOrDefault(reason, reason.key());
        }

        /** The same answer, with the module's wording of some reasons. */
        public Answer worded(Map<Reason, String> moduleWording) {
            return new Answer(reason, person, declaredResidency, moduleWording);
        }

        /**
         * Refuses unless allowed: a visitor is sent to sign in, any other reason becomes the module's
         * refusal with the reason's message key.
         */
        public Answer require(Function<String, ? extends RuntimeException> refusal) {
            if (reason == Reason.NOT_SIGNED_IN) {
                throw new AccessDeniedException("sign in");
            }
            if (reason != null) {
                throw refusal.apply(reasonKey());
            }
            return this;
        }

        /** The signed-in person; a visitor is sent to sign in. */
        public Identity.PersonRef signedInPerson() {
            if (person == null) {
                throw new AccessDeniedException("sign in");
            }
            return person;
        }
    }

    /** Whether {@code who} may take part now in an action with these requirements, open in this window. */
    public static Answer decide(Participant who, Requirements required, Window window, Instant now, boolean alreadyDone) {
        return new Answer(reason(who, required, window, now, alreadyDone), who.person(),
                who.residency() == ResidencyBasis.DECLARED, Map.of());
    }

    private static @Nullable Reason reason(Participant who, Requirements required, Window window, Instant now,
                                           boolean alreadyDone) {
        if (!window.opened(now)) {
            return Reason.NOT_OPEN_YET;
        }
        if (window.over(now)) {
            return Reason.CLOSED;
        }
        if (!who.identified()) {
            return Reason.NOT_SIGNED_IN;
        }
        if (alreadyDone) {
            return Reason.ALREADY_DONE;
        }
        if (!who.level().atLeast(required.level())) {
            return required.level() == AssuranceLevel.VERIFIED ? Reason.NOT_VERIFIED : Reason.EMAIL_NOT_CONFIRMED;
        }
        if (required.residency() && who.residency() == null) {
            return Reason.NOT_RESIDENT;
        }
        if (required.minimumAge() > 0) {
            if (who.birthDate() == null) {
                return Reason.AGE_UNKNOWN;
            }
            if (Period.between(who.birthDate(), Dates.day(now)).getYears() < required.minimumAge()) {
                return Reason.TOO_YOUNG;
            }
        }
        return null;
    }
}
