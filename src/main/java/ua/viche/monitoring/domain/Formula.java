package ua.viche.monitoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import ua.viche.platform.Refusal;

/**
 * An indicator's formula as the programme writes it: an arithmetic expression over letters
 * ({@code (A/B)*100}, {@code (A/(A+B))*100}, {@code A-B}, {@code A+B+C}) and what each letter stands
 * for, a figure's code ({@code A → 1.11}, {@code B → N.1.1}). Parsed and evaluated by Apache Commons
 * JEXL, restricted to numbers, letters, the four operations and brackets, in decimal arithmetic
 * with 34 significant digits; the result is rounded only when it is shown, at the precision the
 * programme prints.
 *
 * <p>Cyrillic letters that look like Latin ones (the programme's «де А – показник 1.1» is written
 * with a Cyrillic А) are read as the Latin letter.
 */
public final class Formula {

    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9.+\\-*/() ]+");
    private static final Pattern LETTER = Pattern.compile("[A-Z]");
    private static final JexlEngine JEXL = new JexlBuilder()
            .features(JexlFeatures.createNone())
            .arithmetic(new JexlArithmetic(true, MathContext.DECIMAL128, 34))
            .strict(true).safe(false).silent(false).cache(256)
            .create();

    private final String text;
    private final Map<String, String> letters;
    private final JexlExpression expression;

    private Formula(String text, Map<String, String> letters, JexlExpression expression) {
        this.text = text;
        this.letters = letters;
        this.expression = expression;
    }

    /**
     * Reads a formula; {@code letters} maps each letter to a figure's code. Refused with
     * {@code monitoring.error.formula*} when the text holds anything but letters, numbers, the four
     * operations and brackets, does not parse, uses a letter that is not given, or a letter stands
     * for nothing.
     */
    public static Formula parse(String text, Map<String, String> letters) {
        String normal = latin(text).replace('×', '*').replace('÷', '/').replace(',', '.').trim();
        Map<String, String> named = new LinkedHashMap<>();
        letters.forEach((letter, code) -> named.put(latin(letter).trim(), code.trim()));
        if (normal.isEmpty() || !ALLOWED.matcher(normal).matches()) {
            throw Refusal.of("monitoring.error.formulaSyntax", text);
        }
        Set<String> used = new TreeSet<>();
        LETTER.matcher(normal).results().forEach(m -> used.add(m.group()));
        if (normal.matches(".*[A-Z][A-Z0-9.].*|.*[0-9.][A-Z].*") || normal.contains("//") || normal.contains("/*")) {
            throw Refusal.of("monitoring.error.formulaSyntax", text);
        }
        for (String letter : used) {
            String code = named.get(letter);
            if (code == null || code.isEmpty()) {
                throw Refusal.of("monitoring.error.formulaLetter", text, letter);
            }
        }
        JexlExpression expression;
        try {
            expression = JEXL.createExpression(normal);
        } catch (JexlException e) {
            throw Refusal.of("monitoring.error.formulaSyntax", text);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        used.forEach(letter -> kept.put(letter, named.get(letter)));
        return new Formula(normal, Map.copyOf(kept), expression);
    }

    public String text() { return text; }

    /** Each letter the formula uses and the figure code it stands for. */
    public Map<String, String> letters() { return letters; }

    /** The codes of the figures the formula reads. */
    public Set<String> figureCodes() { return new TreeSet<>(letters.values()); }

    /**
     * The value for the given figures (by code), or {@link Result#undefined} when it divides by zero.
     * Every figure the formula reads must be given.
     */
    public Result evaluate(Map<String, BigDecimal> figures) {
        MapContext context = new MapContext();
        letters.forEach((letter, code) -> {
            BigDecimal value = figures.get(code);
            if (value == null) {
                throw new IllegalArgumentException("no value of figure " + code + " for " + text);
            }
            context.set(letter, value);
        });
        try {
            Object value = expression.evaluate(context);
            return Result.of(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
        } catch (JexlException e) {
            if (e.getCause() instanceof ArithmeticException || String.valueOf(e.getMessage()).contains("/ by zero")
                    || String.valueOf(e.getMessage()).contains("divide")) {
                return Result.undefined();
            }
            throw e;
        } catch (ArithmeticException e) {
            return Result.undefined();
        }
    }

    /**
     * The figures that, at zero, make the formula divide by zero, given the codes of the figures that
     * can never be zero. Every combination of the other figures at zero (and one elsewhere) is tried,
     * so {@code A/(A+B)} is reported only when both A and B may be zero.
     */
    public List<String> zeroDivisors(Set<String> neverZero) {
        List<String> free = new ArrayList<>();
        for (String code : figureCodes()) {
            if (!neverZero.contains(code)) {
                free.add(code);
            }
        }
        Set<String> divisors = new TreeSet<>();
        List<Integer> failing = new ArrayList<>();
        int combinations = 1 << Math.min(free.size(), 12);
        for (int zeros = 1; zeros <= free.size(); zeros++) {
            for (int mask = 1; mask < combinations; mask++) {
                int m = mask;
                if (Integer.bitCount(m) != zeros || failing.stream().anyMatch(f -> (f & m) == f)) {
                    continue; // not this size, or a smaller set of zeros already fails: only the least sets name divisors
                }
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                List<String> zero = new ArrayList<>();
                for (String code : figureCodes()) {
                    int i = free.indexOf(code);
                    boolean atZero = i >= 0 && (m & (1 << i)) != 0;
                    values.put(code, atZero ? BigDecimal.ZERO : BigDecimal.ONE);
                    if (atZero) {
                        zero.add(code);
                    }
                }
                if (!evaluate(values).defined()) {
                    failing.add(m);
                    divisors.addAll(zero);
                }
            }
        }
        return List.copyOf(divisors);
    }

    @Override
    public String toString() { return text + " " + letters; }

    private static String latin(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'А' -> 'A';
                case 'В' -> 'B';
                case 'С' -> 'C';
                case 'Е' -> 'E';
                case 'Н' -> 'H';
                case 'К' -> 'K';
                case 'М' -> 'M';
                case 'О' -> 'O';
                case 'Р' -> 'P';
                case 'Т' -> 'T';
                case 'Х' -> 'X';
                case 'І' -> 'I';
                default -> Character.toUpperCase(c);
            });
        }
        return b.toString();
    }

    /** A formula's value: a decimal, or undefined (a division by zero). */
    public record Result(BigDecimal value, boolean defined) {
        static Result of(BigDecimal value) { return new Result(value, true); }
        static Result undefined() { return new Result(BigDecimal.ZERO, false); }
    }
}
