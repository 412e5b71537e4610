package ua.viche.platform;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * CSV for open data (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Cyrillic),
 * and the reader of CSV files that imports receive ({@link #read}), both through Apache Commons CSV.
 * Text cells that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return at
 * the start) are prefixed with an apostrophe.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder("\uFEFF");
    private final CSVPrinter printer;

    public Csv() {
        try {
            printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Csv row(List<? extends @Nullable Object> cells) {
        try {
            printer.printRecord(cells.stream().map(Csv::defused).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The cell as written: null as empty, a formula-like text behind an apostrophe. */
    private static @Nullable Object defused(@Nullable Object value) {
        if (value == null || value instanceof Number) {
            return value;
        }
        String s = value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Reads RFC 4180 CSV as imports receive it: UTF-8 with or without a byte-order mark, a comma or a
     * semicolon (whichever the header line uses more), quoted cells with doubled quotes and line
     * breaks inside, CRLF or LF. Returns every row, blank ones included, so row numbers match the file.
     *
     * @throws Malformed when a quoted cell is never closed
     */
    public static List<List<String>> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int nl = s.indexOf('\n');
        String header = nl < 0 ? s : s.substring(0, nl);
        char separator = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
        List<List<String>> rows = new ArrayList<>();
        try (var parser = format.parse(new StringReader(s))) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                }
            } catch (UncheckedIOException e) {
                throw new Malformed(rows.size() + 1, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A CSV text that cannot be read: a quoted cell opened in row {@code row} is never closed. */
    public static final class Malformed extends IllegalArgumentException {
        private final int row;

        Malformed(int row, Throwable cause) {
            super("malformed CSV from row " + row, cause);
            this.row = row;
        }

        public int row() {
            return row;
        }
    }
}
