package ua.viche.civic.domain;

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
 * A course's completion certificate as an A4 PDF with the platform's {@link Pdf}: the community,
 * the title, the holder, the programme and group, the attendance, and a QR code of the public verify
 * URL with the verify code beside it (font setting {@code viche.civic.courses.font}).
 */
@Component
public class CourseCertificatePdf {

    private static final Logger log = LoggerFactory.getLogger(CourseCertificatePdf.class);
    private static final float QR_SIZE = 96;

    private final Pdf pdf;

    public CourseCertificatePdf(@Value("${viche.civic.courses.font:" + Pdf.DEFAULT_FONT + "}") String font) {
        this.pdf = new Pdf(font);
        if (!pdf.fontReadable()) {
            log.warn("Font for course certificates not found at {}: install fonts-dejavu-core or set viche.civic.courses.font", pdf.font());
        }
    }

    /** What the PDF says, in the reader's language. */
    public record Content(String community, String title, String holder, List<String> lines, String verifyLine, String verifyUrl,
                          String codeLine, Instant issuedAt) {}

    public byte[] render(Content c) {
        return pdf.render(c.title() + " — " + c.holder(), c.issuedAt(), w -> {
            w.centred(c.community(), 11);
            w.rule();
            w.gap(28);
            w.centred(c.title(), 20);
            w.gap(18);
            w.centred(c.holder(), 16);
            w.gap(18);
            for (String line : c.lines()) {
                w.paragraph(line, 11);
                w.gap(6);
            }
            qr(w, c);
        });
    }

    private static void qr(Pdf.Writer w, Content c) throws IOException {
        w.room(QR_SIZE + 30);
        w.gap(30);
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
