package ua.viche.platform;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One per-community setting of a module, typed: its key (prefixed with the module's name), the kind
 * of value with the limits a value must keep, and its default — declared once, in the module's
 * descriptor, and read everywhere through {@link #value()}. Values are stored as text in
 * {@code community.settings}; a stored value that does not parse (written before its limits
 * existed) reads as the default. The community admin's settings page shows the setting with the
 * input its kind needs and refuses a value {@link #check(String) check} refuses, saving nothing.
 * Labels and help come from the messages {@code setting.<key>} and (if present) {@code setting.<key>.help}.
 */
public final class Setting<T> {

    /** How the settings page asks for a value. */
    public enum Input { TEXT, NUMBER, CHECKBOX, TIME, CHOICE, CHOICES }

    /** Why a value is refused: a message key and its arguments. */
    public record Problem(String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }
    }

    /** Thrown by a parser for a value it refuses. */
    public static final class Invalid extends RuntimeException {

        private final Problem problem;

        public Invalid(String messageKey, Object... args) {
            super(messageKey, null, false, false);
            this.problem = new Problem(messageKey, List.of(args));
        }

        public Problem problem() { return problem; }
    }

    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}*");

    private final String key;
    private final T defaultValue;
    private final Input input;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<String> options;
    private final @Nullable Integer min;
    private final @Nullable Integer max;
    private final int maxLength;

    private Setting(String key, T defaultValue, Input input, Function<String, T> parser, Function<T, String> formatter,
                    List<String> options, @Nullable Integer min, @Nullable Integer max, int maxLength) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.input = input;
        this.parser = parser;
        this.formatter = formatter;
        this.options = List.copyOf(options);
        this.min = min;
        this.max = max;
        this.maxLength = maxLength;
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Setting<Integer> integer(String key, int defaultValue, int min, int max) {
        return new Setting<>(key, defaultValue, Input.NUMBER, raw -> {
            int v;
            try {
                v = Integer.parseInt(raw.strip());
            } catch (NumberFormatException e) {
                throw new Invalid("setting.error.integer", String.valueOf(min), String.valueOf(max));
            }
            if (v < min || v > max) {
                throw new Invalid("setting.error.integer", String.valueOf(min), String.valueOf(max));
            }
            return v;
        }, String::valueOf, List.of(), min, max, 11);
    }

    /** A whole number that is one of the given ones (e.g. the divisors of an hour). */
    public static Setting<Integer> oneOf(String key, int defaultValue, List<Integer> allowed) {
        List<String> options = allowed.stream().map(String::valueOf).toList();
        return new Setting<>(key, defaultValue, Input.CHOICE, raw -> {
            if (!options.contains(raw.strip())) {
                throw new Invalid("setting.error.choice");
            }
            return Integer.parseInt(raw.strip());
        }, String::valueOf, options, null, null, 11);
    }

    /** Yes or no ({@code true}/{@code false}), a checkbox on the settings page. */
    public static Setting<Boolean> flag(String key, boolean defaultValue) {
        return new Setting<>(key, defaultValue, Input.CHECKBOX, raw -> switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Invalid("setting.error.flag");
        }, String::valueOf, List.of(), null, null, 5);
    }

    /** Free text of at most {@code maxLength} characters (stripped; may be empty). */
    public static Setting<String> text(String key, String defaultValue, int maxLength) {
        return new Setting<>(key, defaultValue, Input.TEXT, raw -> {
            String v = raw.strip();
            if (v.length() > maxLength) {
                throw new Invalid("setting.error.tooLong", String.valueOf(maxLength));
            }
            return v;
        }, Function.identity(), List.of(), null, null, maxLength);
    }

    /** Letters only, at most {@code maxLength} of them (e.g. a number prefix); may be empty. */
    public static Setting<String> letters(String key, String defaultValue, int maxLength) {
        return new Setting<>(key, defaultValue, Input.TEXT, raw -> {
            String v = raw.strip();
            if (v.length() > maxLength || !LETTERS.matcher(v).matches()) {
                throw new Invalid("setting.error.letters", String.valueOf(maxLength));
            }
            return v;
        }, Function.identity(), List.of(), null, null, maxLength);
    }

    /** A time of day, {@code HH:MM} (Kyiv time where it matters). */
    public static Setting<LocalTime> timeOfDay(String key, LocalTime defaultValue) {
        return new Setting<>(key, defaultValue, Input.TIME, raw -> {
            var m = TIME.matcher(raw.strip());
            if (!m.matches()) {
                throw new Invalid("setting.error.time");
            }
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }, t -> "%02d:%02d".formatted(t.getHour(), t.getMinute()), List.of(), null, null, 5);
    }

    /** One of an enum's constants, by name. */
    public static <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue) {
        List<String> options = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new Setting<>(key, defaultValue, Input.CHOICE, raw -> {
            String v = raw.strip().toUpperCase(Locale.ROOT);
            if (!options.contains(v)) {
                throw new Invalid("setting.error.choice");
            }
            return Enum.valueOf(type, v);
        }, Enum::name, options, null, null, 100);
    }

    /** At least one of an enum's constants, stored comma-separated. */
    public static <E extends Enum<E>> Setting<Set<E>> choices(String key, Class<E> type, Set<E> defaultValue) {
        List<String> options = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return new Setting<>(key, Set.copyOf(defaultValue), Input.CHOICES, raw -> {
            Set<E> chosen = EnumSet.noneOf(type);
            for (String part : raw.split(",")) {
                String v = part.strip().toUpperCase(Locale.ROOT);
                if (v.isEmpty()) {
                    continue;
                }
                if (!options.contains(v)) {
                    throw new Invalid("setting.error.choice");
                }
                chosen.add(Enum.valueOf(type, v));
            }
            if (chosen.isEmpty()) {
                throw new Invalid("setting.error.choices");
            }
            return Set.copyOf(chosen);
        }, set -> options.stream().filter(o -> set.stream().anyMatch(e -> e.name().equals(o))).collect(Collectors.joining(",")),
                options, null, null, 500);
    }

    /** A value of a kind of its own, typed as text: the parser throws {@link Invalid} for what it refuses. */
    public static <V> Setting<V> of(String key, V defaultValue, Function<String, V> parser, Function<V, String> formatter,
                                    int maxLength) {
        return new Setting<>(key, defaultValue, Input.TEXT, parser, formatter, List.of(), null, null, maxLength);
    }

    public String key() { return key; }

    public T defaultValue() { return defaultValue; }

    public Input input() { return input; }

    /** The values offered (choices), in order. */
    public List<String> options() { return options; }

    public @Nullable Integer min() { return min; }

    public @Nullable Integer max() { return max; }

    public int maxLength() { return maxLength; }

    public String labelKey() { return "setting." + key; }

    public String helpKey() { return "setting." + key + ".help"; }

    /** The value in the current community. */
    public T value() {
        return value(CurrentCommunity.require());
    }

    /** The value in the community: what it stored, or the default when it stored none or one that does not parse. */
    public T value(Community community) {
        String raw = community.settings().get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return parser.apply(raw);
        } catch (Invalid e) {
            return defaultValue;
        }
    }

    /** The value as stored (and shown on the settings page). */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The community's value as stored text. */
    public String formatted(Community community) {
        return format(value(community));
    }

    /** The value parsed; throws {@link Invalid} when refused. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    /** Why the value is refused, if it is; empty when it is a valid value. */
    public Optional<Problem> check(String raw) {
        try {
            parser.apply(raw);
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.problem());
        }
    }

    /** The value in its stored form (trimmed, canonical); throws {@link Invalid} when refused. */
    public String normalise(String raw) {
        return format(parser.apply(raw));
    }

    @Override
    public String toString() {
        return key;
    }
}
