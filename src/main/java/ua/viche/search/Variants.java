package ua.viche.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The other ways a word may be meant: Ukrainian typed in Latin letters («remont dakhu» is «ремонт
 * даху», the national transliteration read backwards and its common variants), Latin letters that
 * look Cyrillic inside a Cyrillic word («шкoла» with a Latin o), Russian letters (ы, э, ё, ъ).
 * The apostrophe variants (' ’ ʼ) are the analyzer's concern.
 */
final class Variants {

    /** Latin letter groups and the Ukrainian letters they stand for, longest first. */
    private static final String[][] LATIN = {
        {"shch", "щ"}, {"zgh", "зг"}, {"kh", "х"}, {"zh", "ж"}, {"ts", "ц"}, {"ch", "ч"}, {"sh", "ш"},
        {"yu", "ю"}, {"iu", "ю"}, {"ya", "я"}, {"ia", "я"}, {"ye", "є"}, {"ie", "є"}, {"ji", "ї"},
        {"a", "а"}, {"b", "б"}, {"c", "ц"}, {"d", "д"}, {"e", "е"}, {"f", "ф"}, {"g", "г"}, {"h", "г"},
        {"i", "і"}, {"j", "й"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"},
        {"q", "к"}, {"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"v", "в"}, {"w", "в"}, {"x", "кс"},
        {"y", "и"}, {"z", "з"}, {"'", "’"}, {"’", "’"}, {"ʼ", "’"},
    };

    /** Latin letters that look like Cyrillic ones. */
    private static final String LOOK_LATIN = "aceiopxykmtbh";
    private static final String LOOK_CYRILLIC = "асеіорхукмтвн";

    private Variants() {}

    /**
     * The word, then its other readings, without repeats: Ukrainian letters for a Latin word; the
     * Ukrainian form of a Cyrillic one; and for a short Cyrillic word (typos count from five letters)
     * «і» read as «ї» and «е» as «є», the letters people most often type for them («Киів», «мое»).
     */
    static Set<String> of(String word) {
        Set<String> out = new LinkedHashSet<>();
        String lower = word.toLowerCase(Locale.ROOT);
        out.add(lower);
        String reading = reading(lower);
        out.add(reading);
        if (!isLatin(lower) && reading.length() < 5) {
            out.add(reading.replace('і', 'ї'));
            out.add(reading.replace('е', 'є'));
        }
        return out;
    }

    /** The word's likeliest reading: Ukrainian letters for a Latin word, else the Ukrainian form. */
    static String reading(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return isLatin(lower) ? fromLatin(lower) : ukrainian(lower);
    }

    /** Latin letters only (and apostrophes, digits): a word typed in the Latin layout. */
    private static boolean isLatin(String lower) {
        boolean latin = false;
        for (int i = 0; i < lower.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(lower.charAt(i));
            if (s == Character.UnicodeScript.CYRILLIC) {
                return false;
            }
            latin |= s == Character.UnicodeScript.LATIN;
        }
        return latin;
    }

    /** Ukrainian letters for a word typed in Latin ones. */
    static String fromLatin(String lower) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < lower.length()) {
            // "yi" is "ї" where a word starts (Yizhakevych) and "ий" where it ends (Kropyvnytskyi)
            if (lower.startsWith("yi", i) && (i == 0 || i + 2 == lower.length())) {
                out.append(i == 0 ? "ї" : "ий");
                i += 2;
                continue;
            }
            for (String[] pair : LATIN) {
                if (lower.startsWith(pair[0], i)) {
                    out.append(pair[1]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            out.append(lower.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** A Cyrillic word with its Latin look-alikes and Russian letters made Ukrainian. */
    static String ukrainian(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int look = LOOK_LATIN.indexOf(c);
            if (look >= 0) {
                out.append(LOOK_CYRILLIC.charAt(look));
            } else {
                out.append(switch (c) {
                    case 'ы' -> 'и';
                    case 'э' -> 'е';
                    case 'ё' -> 'е';
                    case 'ъ' -> '’';
                    default -> c;
                });
            }
        }
        return out.toString();
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == '‘';
    }

    /**
     * The edit distance (insertions, deletions, substitutions, swaps of neighbours) between two
     * words, or {@code limit} when it is at least that.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin >= limit) {
                return limit;
            }
        }
        return Math.min(limit, d[a.length()][b.length()]);
    }
}
