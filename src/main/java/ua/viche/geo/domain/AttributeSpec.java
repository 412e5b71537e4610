package ua.viche.geo.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import ua.viche.platform.Refusal;

/**
 * One attribute of a layer's schema: a key (latin letters, digits, underscores), its name in both
 * languages, its type and, for a choice, the allowed values.
 */
public record AttributeSpec(String key, String nameUk, String nameEn, Type type, List<String> choices) {

    /** The types an attribute may have. */
    public enum Type { TEXT, NUMBER, YES_NO, CHOICE, PHONE, URL, HOURS }

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-]{5,20}");

    public AttributeSpec {
        choices = List.copyOf(choices);
        if (!KEY.matcher(key).matches() || key.startsWith("access_") || List.of("id", "name_uk", "name_en", "address", "latitude",
                "longitude", "geometry", "description_uk", "description_en").contains(key)) {
            throw Refusal.field("attributes", "geo.error.attributeKey", key);
        }
        if (nameUk.isBlank() || nameEn.isBlank() || nameUk.length() > 100 || nameEn.length() > 100
                || (nameUk + nameEn).contains("|") || choices.stream().anyMatch(c -> c.contains("|") || c.contains(","))) {
            throw Refusal.field("attributes", "geo.error.attributeName", key);
        }
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw Refusal.field("attributes", "geo.error.attributeChoices", key);
        }
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameUk;
    }

    /** The value as stored (trimmed, normalised), or a refusal naming the attribute; empty text is no value. */
    public String check(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return "";
        }
        boolean ok = switch (type) {
            case TEXT -> v.length() <= 1000;
            case NUMBER -> number(v);
            case YES_NO -> {
                var a = Access.Answer.parse(v);
                if (a.isPresent() && a.get() != Access.Answer.UNKNOWN) {
                    v = a.get().key();
                    yield true;
                }
                yield false;
            }
            case CHOICE -> choices.contains(v);
            case PHONE -> PHONE.matcher(v).matches();
            case URL -> url(v);
            case HOURS -> OpeningHours.parse(v).isPresent();
        };
        if (!ok) {
            throw Refusal.field(key, "geo.error.attributeValue." + type.name().toLowerCase(Locale.ROOT), name(Locale.forLanguageTag("uk")), v);
        }
        return v;
    }

    private static boolean number(String v) {
        try {
            new BigDecimal(v.replace(',', '.'));
            return v.length() <= 30;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean url(String v) {
        try {
            URI u = URI.create(v);
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null && v.length() <= 500;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A schema written one attribute a line: {@code key | type | Назва | Name | choice, choice}
     * (the type's name in any case; choices only for a choice).
     */
    public static List<AttributeSpec> parseLines(String text) {
        List<AttributeSpec> specs = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split("\\|", -1);
            if (p.length < 4) {
                throw Refusal.field("attributes", "geo.error.attributeLine", line.strip());
            }
            Type type;
            try {
                type = Type.valueOf(p[1].strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw Refusal.field("attributes", "geo.error.attributeLine", line.strip());
            }
            List<String> choices = p.length > 4 && !p[4].isBlank()
                    ? Arrays.stream(p[4].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
            AttributeSpec spec = new AttributeSpec(p[0].strip(), p[2].strip(), p[3].strip(), type, choices);
            if (specs.stream().anyMatch(s -> s.key().equals(spec.key()))) {
                throw Refusal.field("attributes", "geo.error.attributeKey", spec.key());
            }
            specs.add(spec);
        }
        return specs;
    }

    /** The line {@link #parseLines} reads. */
    public String line() {
        return key + " | " + type.name().toLowerCase(Locale.ROOT) + " | " + nameUk + " | " + nameEn
                + (choices.isEmpty() ? "" : " | " + String.join(", ", choices));
    }
}
