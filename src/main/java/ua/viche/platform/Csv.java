package ua.viche.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV for open data (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic).
 * Cells that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return at the
 * start) are prefixed with an apostrophe.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    public Csv row(List<? extends @Nullable Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.startsWith("'")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
