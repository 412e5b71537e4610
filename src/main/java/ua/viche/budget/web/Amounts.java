package ua.viche.budget.web;

import java.math.BigDecimal;

/** Numbers as people type them in the budget's forms: a comma or a point for decimals, spaces between thousands. */
final class Amounts {

    private Amounts() {}

    /** The number typed; {@link NumberFormatException} when it is not one. */
    static BigDecimal number(String typed) {
        return new BigDecimal(typed.strip().replace(',', '.').replace(" ", "").replace("\u00a0", ""));
    }

    /** Hryvnias typed, in kopecks; {@link ArithmeticException} for fractions of a kopeck or absurd sums. */
    static long kopecks(String typed) {
        return number(typed).movePointRight(2).longValueExact();
    }
}
