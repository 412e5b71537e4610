package ua.viche.queue.domain;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV (comma or semicolon, quoted cells with doubled quotes and line breaks, optional BOM). */
final class CsvReader {

    private CsvReader() {}

    static List<List<String>> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstLine = s.indexOf('\n') < 0 ? s.length() : s.indexOf('\n');
        String header = s.substring(0, firstLine);
        char sep = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
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
                row = new ArrayList<>();
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
