package ua.viche.consultations.polls;

import java.time.Instant;
import java.util.List;
import ua.viche.identity.Participation;
import ua.viche.platform.Dates;

/** A poll with its questions, as read: its period, whether results show while it runs, and who may answer. */
public record Poll(long id, String title, String description, Instant opensAt, Instant closesAt, boolean resultsLive,
                   boolean residencyRequired, int minimumAge, boolean hidden, List<Question> questions) {

    public enum Phase { ANNOUNCED, OPEN, CLOSED }

    /** A question: its kind, text, whether an answer is required, and the kind's settings. */
    public record Question(long id, int position, Kind kind, String text, boolean required, int maxChoices, int scaleMax,
                           String lowLabel, String highLabel, boolean allowOther, List<Option> options) {

        public boolean choice() {
            return kind == Kind.SINGLE || kind == Kind.MULTIPLE;
        }
    }

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
