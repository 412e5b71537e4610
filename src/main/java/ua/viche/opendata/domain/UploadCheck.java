package ua.viche.opendata.domain;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ua.viche.platform.Csv;

/**
 * Checks an uploaded resource before anything is saved (pure: bytes in, report out). A CSV must be
 * UTF-8 text (a byte-order mark allowed), with one header row of distinct non-blank names, every row
 * as wide as the header, and no cell that a spreadsheet would run as a formula ({@code = + - @} at its
 * start, unless the cell is a plain number such as {@code -12,5}); a binary file named .csv is
 * refused as such. JSON must parse, GeoJSON must parse as an object of a GeoJSON type, XML must be well
 * formed (no DTD), XLSX must open as a workbook and PDF a PDF. The report lists every fault found (up to {@link #MAX_PROBLEMS}) by row and column.
 */
public final class UploadCheck {

    public static final int MAX_PROBLEMS = 50;
    /** The rows a preview shows. */
    public static final int PREVIEW_ROWS = 20;

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d[\\d\\s]*([.,]\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One fault: a message key, the row and column (1-based; 0 when the whole file), and the arguments of the message. */
    public record Problem(String key, int row, int column, List<String> args) {}

    /** What the check found: the faults, and for a good CSV its header, row count and first rows. */
    public record Report(Format format, List<Problem> problems, List<String> header, int rows, List<List<String>> preview) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private UploadCheck() {}

    public static Report check(Format format, byte[] content) {
        if (content.length == 0) {
            return fault(format, "opendata.check.empty");
        }
        return switch (format) {
            case CSV -> csv(content);
            case JSON -> json(format, content);
            case GEOJSON -> geojson(content);
            case XML -> xml(content);
            case XLSX -> xlsx(content);
            case PDF -> content.length > 4 && new String(content, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF")
                    ? ok(format) : fault(format, "opendata.check.pdf");
        };
    }

    private static Report ok(Format format) {
        return new Report(format, List.of(), List.of(), 0, List.of());
    }

    private static Report fault(Format format, String key, String... args) {
        return new Report(format, List.of(new Problem(key, 0, 0, List.of(args))), List.of(), 0, List.of());
    }

    /** Whether the bytes look like a binary file rather than text: a NUL byte, or many control bytes, in the first 8 KB. */
    static boolean binary(byte[] content) {
        int n = Math.min(content.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = content[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c) {
                control++;
            }
        }
        return control > n / 20;
    }

    static Report csv(byte[] content) {
        if (binary(content)) {
            return fault(Format.CSV, "opendata.check.binary");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return fault(Format.CSV, "opendata.check.encoding", String.valueOf(lineOfFirstBadByte(content)));
        }
        List<List<String>> rows;
        try {
            rows = new ArrayList<>(Csv.read(text));
        } catch (Csv.Malformed e) {
            return fault(Format.CSV, "opendata.check.quote", String.valueOf(e.row()));
        }
        while (!rows.isEmpty() && blank(rows.get(rows.size() - 1))) {
            rows.remove(rows.size() - 1);
        }
        if (rows.isEmpty()) {
            return fault(Format.CSV, "opendata.check.empty");
        }
        List<Problem> problems = new ArrayList<>();
        List<String> header = rows.get(0);
        Set<String> names = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                problems.add(new Problem("opendata.check.headerBlank", 1, c + 1, List.of(String.valueOf(c + 1))));
            } else if (!names.add(name)) {
                problems.add(new Problem("opendata.check.headerDuplicate", 1, c + 1, List.of(name)));
            }
        }
        if (rows.size() > 1 && rows.get(1).equals(header)) {
            problems.add(new Problem("opendata.check.headerTwice", 2, 0, List.of()));
        }
        for (int r = 0; r < rows.size() && problems.size() < MAX_PROBLEMS; r++) {
            List<String> row = rows.get(r);
            String line = String.valueOf(r + 1);
            if (r > 0 && blank(row)) {
                problems.add(new Problem("opendata.check.blankRow", r + 1, 0, List.of(line)));
                continue;
            }
            if (row.size() != header.size()) {
                problems.add(new Problem("opendata.check.ragged", r + 1, 0,
                        List.of(line, String.valueOf(row.size()), String.valueOf(header.size()))));
            }
            for (int c = 0; c < row.size() && problems.size() < MAX_PROBLEMS; c++) {
                if (formula(row.get(c))) {
                    problems.add(new Problem("opendata.check.formula", r + 1, c + 1, List.of(line, String.valueOf(c + 1))));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Report(Format.CSV, List.copyOf(problems), header, rows.size() - 1, List.of());
        }
        return new Report(Format.CSV, List.of(), header, rows.size() - 1, rows.subList(1, Math.min(rows.size(), PREVIEW_ROWS + 1)));
    }

    /** A cell a spreadsheet would run: one starting with {@code = + - @}, a tab or a carriage return, but not a plain number. */
    static boolean formula(String cell) {
        if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
            return false;
        }
        return !NUMBER.matcher(cell).matches();
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    private static int lineOfFirstBadByte(byte[] content) {
        int line = 1;
        int i = 0;
        while (i < content.length) {
            int b = content[i] & 0xff;
            int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
            if (len == 0 || i + len > content.length) {
                return line;
            }
            for (int k = 1; k < len; k++) {
                if ((content[i + k] & 0xc0) != 0x80) {
                    return line;
                }
            }
            if (b == '\n') {
                line++;
            }
            i += len;
        }
        return line;
    }

    private static Report json(Format format, byte[] content) {
        try {
            JSON.readTree(content);
            return ok(format);
        } catch (RuntimeException e) {
            return fault(format, "opendata.check.json");
        }
    }

    /** The types a GeoJSON document's top level may have (RFC 7946). */
    private static final Set<String> GEOJSON_TYPES = Set.of("FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private static Report geojson(byte[] content) {
        try {
            JsonNode root = JSON.readTree(content);
            JsonNode type = root.get("type");
            return root.isObject() && type != null && type.isString() && GEOJSON_TYPES.contains(type.asString())
                    ? ok(Format.GEOJSON) : fault(Format.GEOJSON, "opendata.check.geojson");
        } catch (RuntimeException e) {
            return fault(Format.GEOJSON, "opendata.check.json");
        }
    }

    /** An XLSX must open as a workbook with at least one sheet (a ZIP of anything else is refused). */
    private static Report xlsx(byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            return fault(Format.XLSX, "opendata.check.xlsx");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            return book.getNumberOfSheets() > 0 ? ok(Format.XLSX) : fault(Format.XLSX, "opendata.check.xlsx");
        } catch (Exception e) {
            return fault(Format.XLSX, "opendata.check.xlsx");
        }
    }

    private static Report xml(byte[] content) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(content));
            return ok(Format.XML);
        } catch (Exception e) {
            return fault(Format.XML, "opendata.check.xml");
        }
    }

    /** The first rows of a stored CSV for a preview (header first); empty when it does not read. */
    public static List<List<String>> preview(byte[] content) {
        Report r = csv(content);
        if (!r.ok()) {
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        out.add(r.header());
        out.addAll(r.preview());
        return out;
    }
}
