package ua.viche.certificates.domain;

import io.nayuki.qrcodegen.QrCode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ua.viche.platform.Pdf;

/**
 * Lays out a certificate as an A4 PDF with the platform's {@link Pdf}: the community's header, the
 * title, number and date, the applicant, the text, the archivist, and a QR code of the verify URL
 * (its modules drawn as filled squares) with the verify code printed beside it. The text is set in a
 * TrueType font with Cyrillic (DejaVu Sans by default, setting {@code viche.archive.certificates.font}),
 * embedded as a subset so the PDF reads the same everywhere.
 */
@Component
public class CertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdf.class);
    private static final float QR_SIZE = 96;

    private final Pdf pdf;

    public CertificatePdf(@Value("${viche.archive.certificates.font:" + Pdf.DEFAULT_FONT + "}") String font) {
        this.pdf = new Pdf(font);
        if (!pdf.fontReadable()) {
            log.warn("Font for archive certificates not found at {}: certificates cannot be issued until it is installed "
                    + "(Debian package fonts-dejavu-core) or viche.archive.certificates.font names another TrueType font with Cyrillic",
                    pdf.font());
        }
    }

    /** What the PDF says. */
    public record Content(List<String> header, String title, String numberLine, String applicantLine, String text,
                          String archivistLine, String verifyLine, String verifyUrl, String codeLine, Instant issuedAt) {}

    /** The PDF's bytes; a missing or unreadable font is reported as such. */
    public byte[] render(Content c) {
        return pdf.render(c.title() + " " + c.numberLine(), c.issuedAt(), w -> {
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
            w.lines(c.text(), 11, 0);
            w.gap(24);
            w.paragraph(c.archivistLine(), 11);
            verification(w, c);
        });
    }

    /** The QR code of the verify URL at the left, the verify lines beside it. */
    private static void verification(Pdf.Writer w, Content c) throws IOException {
        w.room(QR_SIZE + 30);
        w.gap(24);
        float top = w.y();
        QrCode qr = QrCode.encodeText(c.verifyUrl(), QrCode.Ecc.MEDIUM);
        int border = 4;
        float module = QR_SIZE / (qr.size + 2 * border);
        float left = Pdf.MARGIN;
        float bottom = top - QR_SIZE;
        PDPageContentStream out = w.content();
        for (int qy = 0; qy < qr.size; qy++) {
            for (int qx = 0; qx < qr.size; qx++) {
                if (qr.getModule(qx, qy)) {
                    out.addRect(left + (qx + border) * module, bottom + (qr.size - 1 - qy + border) * module, module, module);
                }
            }
        }
        out.fill();
        float x = left + QR_SIZE + 12;
        float textWidth = w.pageWidth() - Pdf.MARGIN - x;
        w.y(top - 16);
        for (String line : List.of(c.verifyLine(), c.verifyUrl(), c.codeLine())) {
            for (String l : w.wrap(w.safe(line), 9, textWidth)) {
                w.text(l, x, 9);
                w.gap(13);
            }
        }
        w.y(Math.min(w.y(), bottom));
    }
}
