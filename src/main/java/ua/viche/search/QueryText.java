package ua.viche.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A query as a person types it: plain words, phrases in quotes ("…", «…», „…“) and words to exclude
 * ({@code -слово}). Everything else (punctuation, operators of other search engines) separates words.
 */
record QueryText(List<String> words, List<String> phrases, List<String> excluded) {

    QueryText {
        words = List.copyOf(words);
        phrases = List.copyOf(phrases);
        excluded = List.copyOf(excluded);
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    static QueryText parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int close = closingQuote(c);
            if (close >= 0) {
                int end = text.indexOf(close, i + 1);
                if (end < 0) {
                    end = n;
                }
                List<String> inner = wordsOf(text.substring(i + 1, end));
                if (inner.size() == 1) {
                    words.add(inner.get(0));
                } else if (!inner.isEmpty()) {
                    phrases.add(String.join(" ", inner));
                }
                i = end + 1;
            } else if (c == '-' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))) && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                int end = wordEnd(text, i + 1);
                excluded.add(clean(text.substring(i + 1, end)));
                i = end;
            } else if (isWordChar(c)) {
                int end = wordEnd(text, i);
                String w = clean(text.substring(i, end));
                if (!w.isEmpty()) {
                    words.add(w);
                }
                i = end;
            } else {
                i++;
            }
        }
        return new QueryText(words, phrases, excluded);
    }

    private static int closingQuote(char c) {
        return switch (c) {
            case '"' -> '"';
            case '«' -> '»';
            case '„' -> '“';
            case '“' -> '”';
            default -> -1;
        };
    }

    private static List<String> wordsOf(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (isWordChar(text.charAt(i))) {
                int end = wordEnd(text, i);
                String w = clean(text.substring(i, end));
                if (!w.isEmpty()) {
                    out.add(w);
                }
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int wordEnd(String text, int from) {
        int i = from;
        while (i < text.length() && (isWordChar(text.charAt(i)) || text.charAt(i) == '-' || Variants.isApostrophe(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Drops apostrophes and hyphens at a word's ends (a quote mark, a dash). */
    private static String clean(String word) {
        int a = 0;
        int b = word.length();
        while (a < b && (word.charAt(a) == '-' || Variants.isApostrophe(word.charAt(a)))) {
            a++;
        }
        while (b > a && (word.charAt(b - 1) == '-' || Variants.isApostrophe(word.charAt(b - 1)))) {
            b--;
        }
        return word.substring(a, b);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
