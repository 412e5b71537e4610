package ua.viche.consultations.polls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import ua.viche.identity.Participation;
import ua.viche.platform.Dates;

/**
 * A poll with its questions, as read: its period, whether results show while it runs, and who may
 * answer: people at the community's assurance level ({@code verifiedOnly}) or anyone signed in with a
 * confirmed e-mail, residents only or not, and the minimum age.
 */
public record Poll(long id, String title, String description, Instant opensAt, Instant closesAt, boolean resultsLive,
                   boolean verifiedOnly, boolean residencyRequired, int minimumAge, boolean hidden, List<Question> questions) {

    public enum Phase { ANNOUNCED, OPEN, CLOSED }

    /**
     * A question: its kind, text, whether an answer is required, and the kind's settings; the section it
     * opens or belongs to (empty: none), and its condition: asked only when the earlier choice question
     * {@code showIfQuestion} has the option {@code showIfOption} chosen, or when the earlier scale
     * question {@code showIfQuestion} was answered with at least {@code showIfAtLeast} (all null: always asked).
     */
    public record Question(long id, int position, Kind kind, String text, boolean required, int maxChoices, int scaleMax,
                           String lowLabel, String highLabel, boolean allowOther, List<Option> options, String section,
                           @Nullable Long showIfQuestion, @Nullable Long showIfOption, @Nullable Integer showIfAtLeast) {

        public boolean choice() {
            return kind == Kind.SINGLE || kind == Kind.MULTIPLE;
        }

        public boolean conditional() {
            return showIfQuestion != null && (showIfOption != null || showIfAtLeast != null);
        }
    }

    /** The question with this id, if it is one of the poll's. */
    public Optional<Question> question(long questionId) {
        return questions.stream().filter(q -> q.id() == questionId).findFirst();
    }

    /** Whether the question opens a new section: it has one and the question before it had another. */
    public boolean startsSection(Question q) {
        int i = questions.indexOf(q);
        return !q.section().isEmpty() && (i <= 0 || !questions.get(i - 1).section().equals(q.section()));
    }

    /** The words of a question's condition: the earlier question, and its option or the least scale value; empty when none. */
    public Optional<Condition> condition(Question q) {
        if (!q.conditional()) {
            return Optional.empty();
        }
        if (q.showIfAtLeast() != null) {
            int least = q.showIfAtLeast();
            return question(q.showIfQuestion()).map(a -> new Condition(a, null, least));
        }
        return question(q.showIfQuestion()).flatMap(a -> a.options().stream().filter(o -> o.id() == q.showIfOption()).findFirst()
                .map(o -> new Condition(a, o, 0)));
    }

    /** Whether some question is asked only on a condition. */
    public boolean hasConditions() {
        return questions.stream().anyMatch(Question::conditional);
    }

    /** A condition: the earlier question and its option, or (option null) the least value of its scale. */
    public record Condition(Question question, @Nullable Option option, int atLeast) {}

    public enum Kind { SINGLE, MULTIPLE, RANKING, SCALE, TEXT }

    public record Option(long id, int position, String label) {}

    /** When the poll takes answers: its period, never when hidden. */
    public Participation.Window answering() {
        return hidden ? Participation.Window.closed() : new Participation.Window(opensAt, closesAt);
    }

    public Phase phase(Instant now) {
        if (now.isBefore(opensAt)) {
            return Phase.ANNOUNCED;
        }
        return Dates.within(now, closesAt) ? Phase.OPEN : Phase.CLOSED;
    }

    /** Whether the public may see the results now: after the end, or while it runs when they are live. */
    public boolean resultsShown(Instant now) {
        return phase(now) == Phase.CLOSED || resultsLive && phase(now) == Phase.OPEN;
    }
}
