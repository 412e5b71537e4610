package ua.viche.consultations.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import ua.viche.platform.Refusal;

/**
 * A draft decision as sections (a heading and its Markdown text): from Markdown typed in the form,
 * where the highest level of heading used starts a section, or from a Word document (.docx, read
 * with Apache POI), where the highest level of heading style used does. Text before the first
 * heading is a section without a heading (the preamble). The content decides what a file is, not
 * its name: a file that is not a readable Word document is refused.
 */
public final class DraftSections {

    /** One section as typed or imported. */
    public record Part(String heading, String body) {}

    public static final int MAX_SECTIONS = 100;
    public static final int MAX_HEADING = 300;
    public static final int MAX_TEXT = 200_000;
    public static final long MAX_DOCX_BYTES = 5L * 1024 * 1024;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|заголовок)\\s*(\\d)$");

    private DraftSections() {}

    /** The sections of a Markdown text; refuses an empty text, too many sections or too long a text. */
    public static List<Part> fromMarkdown(String markdown) {
        String text = markdown.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw Refusal.field("text", "consultation.error.textRequired");
        }
        if (text.length() > MAX_TEXT) {
            throw Refusal.field("text", "consultation.error.textTooLong", MAX_TEXT);
        }
        String[] lines = text.split("\n", -1);
        int level = 7;
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    level = Math.min(level, m.group(1).length());
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        String heading = "";
        StringBuilder body = new StringBuilder();
        fenced = false;
        for (String line : lines) {
            Matcher m = HEADING.matcher(line);
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && m.matches() && m.group(1).length() == level) {
                add(parts, heading, body);
                heading = m.group(2).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        add(parts, heading, body);
        return checked(parts, "text");
    }

    /** The sections of a Word document (.docx); refuses anything that is not one, or one too large. */
    public static List<Part> fromDocx(byte[] content) {
        if (content.length > MAX_DOCX_BYTES) {
            throw Refusal.field("docx", "consultation.error.docxTooLarge", MAX_DOCX_BYTES / 1024 / 1024);
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw Refusal.field("docx", "consultation.error.notDocx");
        }
        List<Block> blocks = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    String text = p.getText().strip();
                    if (!text.isEmpty()) {
                        blocks.add(new Block(headingLevel(doc, p), text, p.getNumID() != null));
                    }
                } else if (element instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText().strip().replace('\n', ' '));
                        }
                        blocks.add(new Block(0, String.join(" | ", cells), false));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a Word document: a zip of something else, a damaged file, an old .doc
            throw Refusal.field("docx", "consultation.error.notDocx");
        }
        int level = blocks.stream().mapToInt(Block::level).filter(l -> l > 0).min().orElse(0);
        List<Part> parts = new ArrayList<>();
        String heading = "";
        StringBuilder body = new StringBuilder();
        for (Block b : blocks) {
            if (level > 0 && b.level() == level) {
                add(parts, heading, body);
                heading = b.text();
                body.setLength(0);
            } else if (b.level() > 0) {
                body.append("#### ").append(escape(b.text())).append("\n\n");
            } else if (b.listItem()) {
                body.append("- ").append(escape(b.text())).append('\n');
            } else {
                body.append(escape(b.text())).append("\n\n");
            }
        }
        add(parts, heading, body);
        if (parts.isEmpty()) {
            throw Refusal.field("docx", "consultation.error.docxEmpty");
        }
        return checked(parts, "docx");
    }

    /** The sections back as one Markdown text, each heading at level 2 (the form shows it so for a new version). */
    public static String toMarkdown(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (!p.heading().isEmpty()) {
                out.append("## ").append(p.heading()).append("\n\n");
            }
            out.append(p.body().strip()).append("\n\n");
        }
        return out.toString().strip();
    }

    /** The sections as plain text for the search. */
    public static String plain(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            out.append(p.heading()).append('\n').append(p.body()).append("\n\n");
        }
        return out.toString().strip();
    }

    private record Block(int level, String text, boolean listItem) {}

    private static int headingLevel(XWPFDocument doc, XWPFParagraph p) {
        String id = p.getStyleID();
        if (id == null) {
            return 0;
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        int level = level(style == null ? null : style.getName());
        return level > 0 ? level : level(id);
    }

    private static int level(@Nullable String styleName) {
        if (styleName == null) {
            return 0;
        }
        String name = styleName.strip().toLowerCase(Locale.ROOT);
        if (name.equals("title")) {
            return 0;
        }
        Matcher m = HEADING_STYLE.matcher(name);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Text from a document is text, not Markdown: characters that Markdown reads as markup are escaped. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }

    private static void add(List<Part> parts, String heading, StringBuilder body) {
        String b = body.toString().strip();
        if (!heading.isEmpty() || !b.isEmpty()) {
            parts.add(new Part(heading, b));
        }
    }

    private static List<Part> checked(List<Part> parts, String field) {
        if (parts.isEmpty()) {
            throw Refusal.field(field, "consultation.error.textRequired");
        }
        if (parts.size() > MAX_SECTIONS) {
            throw Refusal.field(field, "consultation.error.tooManySections", MAX_SECTIONS);
        }
        int total = 0;
        for (Part p : parts) {
            if (p.heading().length() > MAX_HEADING) {
                throw Refusal.field(field, "consultation.error.headingTooLong", MAX_HEADING);
            }
            total += p.body().length();
        }
        if (total > MAX_TEXT) {
            throw Refusal.field(field, "consultation.error.textTooLong", MAX_TEXT);
        }
        return List.copyOf(parts);
    }
}
