package ua.viche.certificates.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verify codes: 16 characters of Crockford's base 32 (80 random bits), shown in groups of four
 * ({@code 7KQ2-M9XD-4TRB-H0ZP}). Typed codes are read leniently: any case, spaces and dashes
 * ignored, O read as 0 and I or L as 1, since people copy them from paper.
 */
public final class VerifyCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerifyCode() {}

    /** A new random code, normalised (no dashes). */
    public static String generate() {
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A typed code in its stored form, or empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (s.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    /** The code in groups of four, as printed. */
    public static String readable(String code) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            s.append(i == 0 ? "" : "-").append(code, i, Math.min(code.length(), i + 4));
        }
        return s.toString();
    }
}
