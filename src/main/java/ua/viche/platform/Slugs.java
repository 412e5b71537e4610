package ua.viche.platform;

import java.util.Locale;
import java.util.Map;

/**
 * Readable URL parts from Ukrainian text, transliterated by the official table (Cabinet
 * Resolution No. 55 of 2010): «Безкоштовний Wi-Fi у парку» → {@code bezkoshtovnyi-wi-fi-u-parku}.
 */
public final class Slugs {

    private static final Map<Character, String> TABLE = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"), Map.entry('ґ', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"), Map.entry('ж', "zh"), Map.entry('з', "z"),
            Map.entry('и', "y"), Map.entry('і', "i"), Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
            Map.entry('ь', ""), Map.entry('ю', "iu"), Map.entry('я', "ia"), Map.entry('\'', ""), Map.entry('’', ""),
            Map.entry('ʼ', ""));
    private static final Map<Character, String> INITIAL = Map.of('є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");

    private Slugs() {}

    public static String of(String text, int maxLength) {
        String lower = text.toLowerCase(Locale.forLanguageTag("uk"));
        StringBuilder out = new StringBuilder();
        boolean wordStart = true;
        char previous = ' ';
        for (char c : lower.toCharArray()) {
            String mapped = wordStart && INITIAL.containsKey(c) ? INITIAL.get(c)
                    : c == 'г' && previous == 'з' ? "gh" : TABLE.get(c);
            previous = c;
            if (mapped != null) {
                out.append(mapped);
                wordStart = false;
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
                wordStart = false;
            } else {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                wordStart = true;
            }
            if (out.length() >= maxLength) {
                break;
            }
        }
        String slug = out.toString();
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength);
        }
        return slug.replaceAll("^-+|-+$", "");
    }
}
