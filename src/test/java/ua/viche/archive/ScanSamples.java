package ua.viche.archive;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Scans made in code for the tests: images with rendered Ukrainian text, PDFs with and without a text layer, ZIPs. */
final class ScanSamples {

    static final File DEJAVU = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private ScanSamples() {}

    /** A white image with a line of black text, large enough for OCR. */
    static BufferedImage textImage(String text) {
        BufferedImage image = new BufferedImage(1400, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, DEJAVU).deriveFont(48f));
        } catch (Exception e) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
        }
        g.drawString(text, 40, 130);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(String text) {
        return encode(textImage(text), "png");
    }

    static byte[] jpeg(String text) {
        return encode(textImage(text), "jpeg");
    }

    static byte[] tiff(String text) {
        return encode(textImage(text), "tiff");
    }

    /** A two-page PDF: the first page has a text layer with the text, the second only a drawn rectangle. */
    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.A4);
            doc.addPage(first);
            PDType0Font font = PDType0Font.load(doc, DEJAVU);
            try (PDPageContentStream s = new PDPageContentStream(doc, first)) {
                s.beginText();
                s.setFont(font, 14);
                s.newLineAtOffset(72, 750);
                s.showText(text);
                s.endText();
            }
            PDPage second = new PDPage(PDRectangle.A4);
            doc.addPage(second);
            try (PDPageContentStream s = new PDPageContentStream(doc, second)) {
                s.addRect(100, 100, 300, 200);
                s.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ZIP of the named entries (name, content, name, content …). */
    static byte[] zip(Object... entries) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < entries.length; i += 2) {
                    zip.putNextEntry(new ZipEntry((String) entries[i]));
                    zip.write((byte[]) entries[i + 1]);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
