package ua.viche.certificates.domain;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lays out a certificate as an A4 PDF with Apache PDFBox: the community's header, the title,
 * number and date, the applicant, the text, the archivist, and a QR code of the verify URL (its
 * modules drawn as filled squares) with the verify code printed beside it. The text is set in a
 * TrueType font with Cyrillic (DejaVu Sans by default, setting {@code viche.archive.certificates.font}),
 * embedded as a subset so the PDF reads the same everywhere.
 */
@Component
public class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    private static final float MARGIN = 56;
    private static final float QR_SIZE = 96;

    private final Path font;
    /**
     * The font as parsed once: parsing it took most of a certificate's time. A parsed font is not
     * safe for concurrent use, so certificates are laid out one at a time (under this object's lock).
     */
    private @Nullable TrueTypeFont parsed;

    public CertificatePdf(@Value("${viche.archive.certificates.font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String font) {
        this.font = Path.of(font);
        if (!Files.isReadable(this.font)) {
            log.warn("Font for archive certificates not found at {}: certificates cannot be issued until it is installed "
                    + "(Debian package fonts-dejavu-core) or viche.archive.certificates.font names another TrueType font with Cyrillic",
                    this.font);
        }
    }

    /** What the PDF says. */
    public record Content(List<String> header, String title, String numberLine, String applicantLine, String text,
                          String archivistLine, String verifyLine, String verifyUrl, String codeLine, Instant issuedAt) {}

    /** The PDF's bytes; a missing or unreadable font is reported as such. */
    public synchronized byte[] render(Content c) {
        if (!Files.isReadable(font)) {
            throw new IllegalStateException("Font for archive certificates not found at " + font
                    + ": install the Debian package fonts-dejavu-core or set viche.archive.certificates.font");
        }
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = PDType0Font.load(doc, trueType(), true); // embedded as a subset
            doc.getDocumentInformation().setTitle(c.title() + " " + c.numberLine());
            doc.getDocumentInformation().setCreator("Viche");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(c.issuedAt().toEpochMilli());
            doc.getDocumentInformation().setCreationDate(created);
            Writer w = new Writer(doc, f);
            for (String line : c.header()) {
                w.centred(line, 11);
            }
            w.rule();
            w.gap(18);
            w.centred(c.title(), 16);
            w.centred(c.numberLine(), 11);
            w.gap(14);
            w.paragraph(c.applicantLine(), 11);
            w.gap(8);
            for (String paragraph : c.text().split("\\R")) {
                if (paragraph.isBlank()) {
                    w.gap(6);
                } else {
                    w.paragraph(paragraph, 11);
                }
            }
            w.gap(24);
            w.paragraph(c.archivistLine(), 11);
            w.verification(c);
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not make the certificate PDF with the font " + font + ": " + e.getMessage(), e);
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
    private static final class Writer {

        private final PDDocument doc;
        private final PDType0Font font;
        private final PDRectangle size = PDRectangle.A4;
        private PDPageContentStream out;
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

        private float width(String s, float points) throws IOException {
            return font.getStringWidth(s) / 1000 * points;
        }

        private void room(float needed) throws IOException {
            if (y - needed < MARGIN) {
                newPage();
            }
        }

        private void text(String s, float x, float points) throws IOException {
            out.beginText();
            out.setFont(font, points);
            out.newLineAtOffset(x, y);
            out.showText(s);
            out.endText();
        }

        void centred(String line, float points) throws IOException {
            for (String l : wrap(safe(line), points, size.getWidth() - 2 * MARGIN)) {
                room(points * 1.5f);
                y -= points * 1.4f;
                text(l, (size.getWidth() - width(l, points)) / 2, points);
            }
        }

        void paragraph(String line, float points) throws IOException {
            for (String l : wrap(safe(line), points, size.getWidth() - 2 * MARGIN)) {
                room(points * 1.5f);
                y -= points * 1.45f;
                text(l, MARGIN, points);
            }
        }

        void gap(float points) {
            y -= points;
        }

        void rule() throws IOException {
            y -= 8;
            out.setLineWidth(0.8f);
            out.moveTo(MARGIN, y);
            out.lineTo(size.getWidth() - MARGIN, y);
            out.stroke();
        }

        /** The QR code of the verify URL at the left, the verify lines beside it. */
        void verification(Content c) throws IOException {
            room(QR_SIZE + 30);
            y -= 24;
            float top = y;
            QrCode qr = QrCode.encodeText(c.verifyUrl(), QrCode.Ecc.MEDIUM);
            int border = 4;
            float module = QR_SIZE / (qr.size + 2 * border);
            float left = MARGIN;
            float bottom = top - QR_SIZE;
            for (int qy = 0; qy < qr.size; qy++) {
                for (int qx = 0; qx < qr.size; qx++) {
                    if (qr.getModule(qx, qy)) {
                        out.addRect(left + (qx + border) * module, bottom + (qr.size - 1 - qy + border) * module, module, module);
                    }
                }
            }
            out.fill();
            float x = left + QR_SIZE + 12;
            float textWidth = size.getWidth() - MARGIN - x;
            y = top - 16;
            for (String line : List.of(c.verifyLine(), c.verifyUrl(), c.codeLine())) {
                for (String l : wrap(safe(line), 9, textWidth)) {
                    text(l, x, 9);
                    y -= 13;
                }
            }
            y = Math.min(y, bottom);
        }

        void close() throws IOException {
            out.close();
        }

        /** The line with characters the font cannot show replaced by «?», control characters by spaces. */
        private String safe(String s) {
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
        private List<String> wrap(String text, float points, float max) throws IOException {
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
