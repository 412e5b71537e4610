package ua.viche.certificates.domain;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
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
            w.verification(c.verifyUrl(), QR_SIZE, 24, List.of(c.verifyLine(), c.verifyUrl(), c.codeLine()));
        });
    }
}
