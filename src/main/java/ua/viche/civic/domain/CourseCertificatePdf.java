package ua.viche.civic.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
            w.verification(c.verifyUrl(), QR_SIZE, 30, List.of(c.verifyLine(), c.verifyUrl(), c.codeLine()));
        });
    }
}
