package ua.viche.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ua.viche.certificates.domain.CertificatePdf;

/**
 * The PDF layout on its own: Cyrillic text survives a round trip, long texts flow onto more pages, one
 * layout makes many certificates, a missing font is named.
 */
class CertificatePdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static CertificatePdf.Content content(String text) {
        return new CertificatePdf.Content(List.of("Дмитрівська сільська територіальна громада", "Архівний відділ"), "АРХІВНИЙ ВИТЯГ",
                "№ АД-2026-000042 від 24.11.2026", "Видано: Гнатюк Ганна Богданівна", text, "Архівіст: Кравчук Оксана",
                "Перевірити справжність", "https://viche.example/dmytrivka/archive/certificates/verify/7KQ2-M9XD-4TRB-H0ZP",
                "Код перевірки: 7KQ2-M9XD-4TRB-H0ZP", Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void ukrainianTextAndLongCertificatesRoundTrip() throws Exception {
        String paragraph = "Рішенням виконавчого комітету Дмитрівської сільської ради № 88 від 02.11.2001 «Про передачу земельних "
                + "ділянок у приватну власність» передано у власність земельну ділянку площею 0,10 га; ґрунти, їжак, ЄДРПОУ.";
        String longText = String.join("\n", Collections.nCopies(60, paragraph));
        byte[] pdf = new CertificatePdf(FONT).render(content(longText + "\nКінець тексту 🙂"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(doc).replaceAll("[ \\n\\r]+", " ");
            assertThat(text).contains("АРХІВНИЙ ВИТЯГ").contains("№ АД-2026-000042").contains("Гнатюк Ганна Богданівна")
                    .contains("ґрунти, їжак, ЄДРПОУ").contains("Кінець тексту ?").contains("Код перевірки: 7KQ2-M9XD-4TRB-H0ZP");
        }
    }

    @Test
    void oneLayoutMakesManyCertificatesEachWithItsOwnText() throws Exception {
        CertificatePdf pdfs = new CertificatePdf(FONT); // the font is parsed once and embedded as a subset in each
        byte[] first = pdfs.render(content("Довідка про стаж: їжак"));
        byte[] second = pdfs.render(content("Копія рішення: ґанок, ЄДРПОУ"));
        try (PDDocument a = Loader.loadPDF(first); PDDocument b = Loader.loadPDF(second)) {
            assertThat(new PDFTextStripper().getText(a)).contains("Довідка про стаж: їжак").doesNotContain("ґанок");
            assertThat(new PDFTextStripper().getText(b)).contains("Копія рішення: ґанок, ЄДРПОУ").contains("АРХІВНИЙ ВИТЯГ");
        }
    }

    @Test
    void aMissingFontIsReportedClearly() {
        assertThatThrownBy(() -> new CertificatePdf("/nonexistent/NoSuchFont.ttf").render(content("Текст")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/NoSuchFont.ttf").hasMessageContaining("fonts-dejavu-core");
    }
}
