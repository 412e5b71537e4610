package ua.viche.queue.domain;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Booking and rating codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * read aloud or typed at a kiosk without mistakes; case and dashes are ignored on input.
 */
public final class Codes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    public static String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** The code as typed, normalised; empty when it cannot be a code. */
    public static String normalise(String typed) {
        String s = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (s.length() != LENGTH) {
            return "";
        }
        for (char ch : s.toCharArray()) {
            if (ALPHABET.indexOf(ch) < 0) {
                return "";
            }
        }
        return s;
    }

    /** For display: two groups of four. */
    public static String pretty(String code) {
        return code.length() == LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }
}
