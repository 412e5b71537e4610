package ua.viche.civic.domain;

/**
 * The check digit of a code of the Unified State Register of Enterprises and Organisations of
 * Ukraine (ЄДРПОУ, 8 digits, the last one the check digit). The first seven digits are weighted
 * 1…7, or 7, 1…6 for codes from 30000000 up to 60000000; the check digit is the weighted sum modulo
 * 11. When that is 10, the sum is taken again with every weight raised by 2 (3…9, or 9, 3…8); when
 * it is 10 again, the check digit is 0.
 */
public final class Edrpou {

    private static final int[] BASE = {1, 2, 3, 4, 5, 6, 7};
    private static final int[] SHIFTED = {7, 1, 2, 3, 4, 5, 6};

    private Edrpou() {}

    /** Whether the text is 8 digits with the right check digit. */
    public static boolean valid(String code) {
        if (code.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(code) == code.charAt(7) - '0';
    }

    /** The check digit the first seven digits of an 8-digit code call for. */
    static int checkDigit(String code) {
        long value = Long.parseLong(code);
        int[] weights = value < 30_000_000L || value > 60_000_000L ? BASE : SHIFTED;
        int remainder = weighted(code, weights, 0);
        if (remainder == 10) {
            remainder = weighted(code, weights, 2);
        }
        return remainder == 10 ? 0 : remainder;
    }

    private static int weighted(String code, int[] weights, int raise) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (code.charAt(i) - '0') * (weights[i] + raise);
        }
        return sum % 11;
    }

    /** The 8-digit code these first seven digits make with their check digit. */
    public static String complete(String sevenDigits) {
        return sevenDigits + checkDigit(sevenDigits + "0");
    }

    /** The code as typed, without spaces. */
    public static String normalise(String typed) {
        return typed.replaceAll("\\s", "");
    }
}
