package ua.viche.geo.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ua.viche.platform.Refusal;

/**
 * The accessibility attributes every object has, each yes / no / unknown, in the order of the
 * letters of {@code geo_object.access}. The key is the one the API and the query string use.
 */
public enum Access {
    STEP_FREE("step_free", "♿"),
    RAMP("ramp", "⤴"),
    ACCESSIBLE_TOILET("toilet", "🚻"),
    SIGN_LANGUAGE("sign_language", "🤟"),
    BRAILLE("braille", "⠿"),
    AUDIO("audio", "🔊"),
    MOBILITY_SERVICE("mobility", "🦽"),
    DISABLED_PARKING("parking", "🅿");

    /** An answer to one attribute. */
    public enum Answer {
        YES('Y'), NO('N'), UNKNOWN('U');

        private final char letter;

        Answer(char letter) {
            this.letter = letter;
        }

        public char letter() { return letter; }

        public static Answer of(char letter) {
            return switch (letter) {
                case 'Y' -> YES;
                case 'N' -> NO;
                default -> UNKNOWN;
            };
        }

        /** yes / no / unknown (also так / ні, true / false, 1 / 0); empty for anything else. */
        public static Optional<Answer> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "yes", "y", "так", "true", "1" -> Optional.of(YES);
                case "no", "n", "ні", "false", "0" -> Optional.of(NO);
                case "unknown", "u", "", "невідомо" -> Optional.of(UNKNOWN);
                default -> Optional.empty();
            };
        }

        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    public static final String NONE_KNOWN = "UUUUUUUU";

    private final String key;
    private final String symbol;

    Access(String key, String symbol) {
        this.key = key;
        this.symbol = symbol;
    }

    public String key() { return key; }

    /** A decorative symbol shown beside the words (never alone). */
    public String symbol() { return symbol; }

    /** The 1-based position of its letter in {@code geo_object.access} (for SQL's {@code substr}). */
    public int column() { return ordinal() + 1; }

    public Answer in(String letters) {
        return Answer.of(letters.charAt(ordinal()));
    }

    public static Optional<Access> byKey(String key) {
        for (Access a : values()) {
            if (a.key.equals(key.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Keys separated by commas (or given several times) to attributes; unknown keys are ignored. */
    public static List<Access> parseList(List<String> keys) {
        List<Access> found = new ArrayList<>();
        for (String k : keys) {
            for (String part : k.split(",")) {
                byKey(part).filter(a -> !found.contains(a)).ifPresent(found::add);
            }
        }
        return found;
    }

    /** As {@link #parseList}, but a key that names no attribute is refused as bad input, naming the keys there are (for the API). */
    public static List<Access> parseStrict(List<String> keys) {
        for (String k : keys) {
            for (String part : k.split(",")) {
                if (!part.isBlank() && byKey(part).isEmpty()) {
                    throw Refusal.badInput("geo.error.access", part.strip(),
                            Stream.of(values()).map(Access::key).collect(Collectors.joining(", ")));
                }
            }
        }
        return parseList(keys);
    }
}
