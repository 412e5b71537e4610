package ua.viche.consultations.domain;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level difference between two texts (java-diff-utils over words and the spaces between
 * them): what stayed, what was removed and what was added, in reading order. Pages show removed
 * words in {@code <del>} and added ones in {@code <ins>}, with their meaning said in words too.
 */
public final class WordDiff {

    public enum Change { SAME, REMOVED, ADDED }

    /** A run of text with one change. */
    public record Piece(Change change, String text) {

        public boolean same() { return change == Change.SAME; }
        public boolean removed() { return change == Change.REMOVED; }
        public boolean added() { return change == Change.ADDED; }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private WordDiff() {}

    public static List<Piece> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int from = delta.getSource().getPosition();
            add(pieces, Change.SAME, a.subList(at, from));
            add(pieces, Change.REMOVED, delta.getSource().getLines());
            add(pieces, Change.ADDED, delta.getTarget().getLines());
            at = from + delta.getSource().size();
        }
        add(pieces, Change.SAME, a.subList(at, a.size()));
        return pieces;
    }

    /** Whether the two texts differ in their words (not only in spacing). */
    public static boolean changed(String before, String after) {
        return !String.join(" ", before.strip().split("\\s+")).equals(String.join(" ", after.strip().split("\\s+")));
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void add(List<Piece> pieces, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).change() == change) {
            Piece last = pieces.remove(pieces.size() - 1);
            pieces.add(new Piece(change, last.text() + text));
        } else {
            pieces.add(new Piece(change, text));
        }
    }
}
