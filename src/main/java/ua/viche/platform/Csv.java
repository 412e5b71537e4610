package ua.viche.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV for open data (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic),
 * and the reader of CSV files that imports receive ({@link #read}).
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

    /**
     * Reads RFC 4180 CSV as imports receive it: UTF-8 with or without a byte-order mark, a comma or a
     * semicolon (whichever the header line uses more), quoted cells with doubled quotes and line
     * breaks inside, CRLF or LF. Returns every row, blank ones included, so row numbers match the file.
     */
    public static List<List<String>> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int nl = s.indexOf('\n');
        String header = nl < 0 ? s : s.substring(0, nl);
        char sep = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == sep) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
