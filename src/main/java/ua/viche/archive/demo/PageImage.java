package ua.viche.archive.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A typed page as a scanner would see it: yellowed paper, a little uneven, with the text set in a
 * typewriter-like monospaced face. Grayscale JPEG, 900 × 1270 pixels, made in a few milliseconds.
 */
final class PageImage {

    static final int WIDTH = 900;
    static final int HEIGHT = 1270;
    private static final int MARGIN = 80;
    private static final int COLUMNS = 64;
    private static final Font FONT = font();

    private PageImage() {}

    private static Font font() {
        File dejavu = new File("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf");
        try {
            if (dejavu.isFile()) {
                return Font.createFont(Font.TRUETYPE_FONT, dejavu).deriveFont(18f);
            }
        } catch (Exception e) {
            // fall back to the logical font below
        }
        return new Font(Font.MONOSPACED, Font.PLAIN, 18);
    }

    /** The lines as they are laid out on the page (long lines wrapped at word boundaries). */
    static List<String> layout(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String rest = paragraph;
            while (rest.length() > COLUMNS) {
                int cut = rest.lastIndexOf(' ', COLUMNS);
                if (cut <= 0) {
                    cut = COLUMNS;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return lines;
    }

    static byte[] render(String text, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(236, 232, 222), WIDTH, HEIGHT, new Color(214, 208, 194)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 180; i++) { // specks and fibres of old paper
            int shade = 150 + random.nextInt(60);
            g.setColor(new Color(shade, shade, shade));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            g.fillRect(x, y, 1 + random.nextInt(2), 1 + random.nextInt(3));
        }
        g.setColor(new Color(190, 186, 176));
        g.setStroke(new BasicStroke(2f));
        g.drawLine(0, HEIGHT / 2 + random.nextInt(40) - 20, WIDTH, HEIGHT / 2 + random.nextInt(40) - 20); // the fold
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(FONT);
        g.rotate(Math.toRadians((random.nextDouble() - 0.5) * 0.8), WIDTH / 2.0, HEIGHT / 2.0);
        int y = MARGIN + 20;
        for (String line : layout(text)) {
            int ink = 25 + random.nextInt(35); // a typewriter's uneven ink
            g.setColor(new Color(ink, ink, ink));
            g.drawString(line, MARGIN + random.nextInt(3), y);
            y += 27;
            if (y > HEIGHT - MARGIN) {
                break;
            }
        }
        g.dispose();
        return jpeg(image);
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
