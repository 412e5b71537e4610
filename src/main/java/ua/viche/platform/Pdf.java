package ua.viche.platform;

import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * Text documents as A4 PDFs with Apache PDFBox, in a TrueType font with Cyrillic (DejaVu Sans by
 * default) embedded as a subset so the PDF reads the same everywhere: centred lines, paragraphs
 * filled to the width, headings, rules and gaps, new pages as the text needs them. A module makes
 * one for its font setting and keeps it: the font is parsed once, and since a parsed font is not
 * safe for concurrent use, documents are laid out one at a time (under this object's lock).
 */
public final class Pdf {

    public static final String DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public static final float MARGIN = 56;

    private final Path font;
    private @Nullable TrueTypeFont parsed;

    public Pdf(String font) {
        this.font = Path.of(font);
    }

    /** Whether the font can be read (a module may warn at start-up when it cannot). */
    public boolean fontReadable() {
        return Files.isReadable(font);
    }

    public Path font() {
        return font;
    }

    /** What lays a document out, line by line. */
    @FunctionalInterface
    public interface Layout {
        void write(Writer w) throws IOException;
    }

    /** The PDF's bytes, with its title and creation time; a missing or unreadable font is reported as such. */
    public synchronized byte[] render(String title, Instant created, Layout layout) {
        if (!Files.isReadable(font)) {
            throw new IllegalStateException("Font for PDF documents not found at " + font
                    + ": install the Debian package fonts-dejavu-core or set the module's font setting to another TrueType font with Cyrillic");
        }
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, trueType(), true); // embedded as a subset
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Viche");
            Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(created.toEpochMilli());
            doc.getDocumentInformation().setCreationDate(calendar);
            Writer w = new Writer(doc, f);
            layout.write(w);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the PDF with the font " + font + ": " + e.getMessage(), e);
        }
    }

    /** The parsed font; the caller holds this object's lock. */
    private TrueTypeFont trueType() throws IOException {
        TrueTypeFont f = parsed;
        if (f == null) {
            f = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(font)));
            parsed = f;
        }
        return f;
    }

    /** Writes lines top-down, starting a new page when the text reaches the bottom margin. */
    public static final class Writer {

        private final PDDocument doc;
        private final PDType0Font font;
        private final PDRectangle size = PDRectangle.A4;
        private @Nullable PDPageContentStream out;
        private float y;

        Writer(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(size);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = size.getHeight() - MARGIN;
        }

        /** The current page's content stream, for drawing of one's own. */
        public PDPageContentStream content() {
            if (out == null) {
                throw new IllegalStateException("closed");
            }
            return out;
        }

        /** The baseline of the last line written, from the bottom of the page. */
        public float y() {
            return y;
        }

        public void y(float value) {
            y = value;
        }

        public float pageWidth() {
            return size.getWidth();
        }

        public float width(String s, float points) throws IOException {
            return font.getStringWidth(s) / 1000 * points;
        }

        /** Starts a new page unless this much room is left above the bottom margin. */
        public void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        /** One line of text at x on the current baseline, as it is (see {@link #safe}). */
        public void text(String s, float x, float points) throws IOException {
            PDPageContentStream o = content();
            o.beginText();
            o.setFont(font, points);
            o.newLineAtOffset(x, y);
            o.showText(s);
            o.endText();
        }

        public void centred(String line, float points) throws IOException {
            for (String l : wrap(safe(line), points, size.getWidth() - 2 * MARGIN)) {
                room(points * 1.5f);
                y -= points * 1.4f;
                text(l, (size.getWidth() - width(l, points)) / 2, points);
            }
        }

        public void paragraph(String line, float points) throws IOException {
            paragraph(line, points, 0);
        }

        /** A paragraph indented from the left margin. */
        public void paragraph(String line, float points, float indent) throws IOException {
            for (String l : wrap(safe(line), points, size.getWidth() - 2 * MARGIN - indent)) {
                room(points * 1.5f);
                y -= points * 1.45f;
                text(l, MARGIN + indent, points);
            }
        }

        /** Text of several lines: each line a paragraph, an empty line a small gap. */
        public void lines(String text, float points, float indent) throws IOException {
            for (String paragraph : text.split("\\R")) {
                if (paragraph.isBlank()) {
                    gap(points / 2);
                } else {
                    paragraph(paragraph, points, indent);
                }
            }
        }

        /** A heading, kept on a page with some room for what follows it. */
        public void heading(String line, float points) throws IOException {
            room(points * 4);
            gap(points * 0.6f);
            paragraph(line, points);
            gap(points * 0.3f);
        }

        public void gap(float points) {
            y -= points;
        }

        public void rule() throws IOException {
            y -= 8;
            PDPageContentStream o = content();
            o.setLineWidth(0.8f);
            o.moveTo(MARGIN, y);
            o.lineTo(size.getWidth() - MARGIN, y);
            o.stroke();
        }

        /**
         * A verification block: the QR code of the URL, {@code side} points square at the left margin
         * after a gap, and the short lines beside it (what to scan, the URL, the code), wrapped to fit.
         */
        public void verification(String url, float side, float gapBefore, List<String> lines) throws IOException {
            room(side + gapBefore + 6);
            gap(gapBefore);
            float top = y;
            QrCode qr = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
            int border = 4;
            float module = side / (qr.size + 2 * border);
            float bottom = top - side;
            PDPageContentStream o = content();
            for (int qy = 0; qy < qr.size; qy++) {
                for (int qx = 0; qx < qr.size; qx++) {
                    if (qr.getModule(qx, qy)) {
                        o.addRect(MARGIN + (qx + border) * module, bottom + (qr.size - 1 - qy + border) * module, module, module);
                    }
                }
            }
            o.fill();
            float x = MARGIN + side + 12;
            float textWidth = pageWidth() - MARGIN - x;
            y = top - 16;
            for (String line : lines) {
                for (String l : wrap(safe(line), 9, textWidth)) {
                    text(l, x, 9);
                    gap(13);
                }
            }
            y = Math.min(y, bottom);
        }

        void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }

        /** The line with characters the font cannot show replaced by «?», control characters by spaces. */
        public String safe(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
                try {
                    font.encode(ch);
                    b.append(ch);
                } catch (IOException | IllegalArgumentException e) {
                    b.append('?');
                }
            });
            return b.toString();
        }

        /** Words filled into lines no wider than the width; a word longer than a line is cut. */
        public List<String> wrap(String text, float points, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, points) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, points) > max) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(rest.substring(0, cut), points) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
