package ua.viche.problems.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos for demo problem reports, drawn rather than shipped: a scene per category (a pothole in
 * the asphalt, a dark street lamp, overflowing bins, a fallen tree, water on the pavement, a lift
 * door, a shelter's door, stray dogs, a damaged block of flats, a village well), varied by a seed
 * in light, colours and layout, with a little sensor noise. JPEG, 480 × 360, a few milliseconds each.
 */
final class ProblemPictures {

    static final int W = 480;
    static final int H = 360;

    private ProblemPictures() {}

    static byte[] jpeg(String category, long seed) {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random r = new Random(seed * 31 + category.hashCode());
        boolean dusk = category.equals("lighting") || r.nextInt(5) == 0;
        sky(g, r, dusk);
        switch (category) {
            case "potholes" -> pothole(g, r);
            case "lighting" -> lamps(g, r);
            case "waste" -> bins(g, r);
            case "trees" -> tree(g, r);
            case "water" -> water(g, r);
            case "lifts" -> lift(g, r);
            case "shelters" -> shelter(g, r);
            case "animals" -> dogs(g, r);
            case "damage", "facilities" -> damaged(g, r, category.equals("facilities"));
            case "wells" -> well(g, r);
            default -> pothole(g, r);
        }
        g.dispose();
        noise(image, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream(40_000);
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Color vary(Color c, Random r, int by) {
        return new Color(clamp(c.getRed() + r.nextInt(2 * by + 1) - by), clamp(c.getGreen() + r.nextInt(2 * by + 1) - by),
                clamp(c.getBlue() + r.nextInt(2 * by + 1) - by));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void sky(Graphics2D g, Random r, boolean dusk) {
        Color top = dusk ? vary(new Color(30, 40, 80), r, 15) : vary(new Color(110, 160, 215), r, 25);
        Color low = dusk ? vary(new Color(150, 90, 80), r, 20) : vary(new Color(200, 220, 235), r, 15);
        g.setPaint(new GradientPaint(0, 0, top, 0, H * 0.5f, low));
        g.fillRect(0, 0, W, H);
    }

    /** Ground from the horizon down, in perspective: a road or a path. */
    private static int road(Graphics2D g, Random r, Color asphalt) {
        int horizon = 120 + r.nextInt(50);
        g.setColor(vary(new Color(95, 120, 70), r, 20));
        g.fillRect(0, horizon, W, H - horizon);
        g.setColor(vary(asphalt, r, 12));
        int spread = 40 + r.nextInt(60);
        g.fillPolygon(new Polygon(new int[] {W / 2 - spread, W / 2 + spread, W + 60, -60}, new int[] {horizon, horizon, H, H}, 4));
        g.setColor(vary(new Color(175, 175, 170), r, 10));
        g.setStroke(new BasicStroke(6));
        g.drawLine(W / 2 - spread, horizon, -60, H);
        g.drawLine(W / 2 + spread, horizon, W + 60, H);
        return horizon;
    }

    private static void houses(Graphics2D g, Random r, int horizon, boolean dusk) {
        int x = -20;
        while (x < W) {
            int w = 60 + r.nextInt(90);
            int h = 40 + r.nextInt(110);
            g.setColor(vary(dusk ? new Color(45, 45, 60) : new Color(190, 180, 165), r, 25));
            g.fillRect(x, horizon - h, w, h);
            g.setColor(dusk ? new Color(230, 200, 120) : new Color(90, 110, 130));
            for (int wy = horizon - h + 8; wy < horizon - 14; wy += 18) {
                for (int wx = x + 8; wx < x + w - 12; wx += 16) {
                    if (!dusk || r.nextInt(3) == 0) {
                        g.fillRect(wx, wy, 8, 10);
                    }
                }
            }
            x += w + r.nextInt(20);
        }
    }

    private static void pothole(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(80, 80, 82));
        houses(g, r, horizon, false);
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            int cx = 120 + r.nextInt(240);
            int cy = horizon + 60 + r.nextInt(H - horizon - 90);
            int rw = 50 + r.nextInt(90);
            int rh = rw / 3 + r.nextInt(15);
            Polygon hole = new Polygon();
            for (int k = 0; k < 14; k++) {
                double a = Math.PI * 2 * k / 14;
                double f = 0.75 + r.nextDouble() * 0.4;
                hole.addPoint(cx + (int) (Math.cos(a) * rw * f), cy + (int) (Math.sin(a) * rh * f));
            }
            g.setColor(vary(new Color(45, 42, 40), r, 8));
            g.fillPolygon(hole);
            g.setColor(vary(new Color(120, 140, 160), r, 15)); // rain water in it
            g.fillOval(cx - rw / 2, cy - rh / 3, rw, rh * 2 / 3);
        }
    }

    private static void lamps(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(50, 50, 55));
        houses(g, r, horizon, true);
        int dark = r.nextInt(3);
        for (int i = 0; i < 3; i++) {
            int x = 70 + i * 150 + r.nextInt(30);
            int top = 30 + r.nextInt(30);
            g.setColor(new Color(60, 60, 65));
            g.setStroke(new BasicStroke(7));
            g.drawLine(x, top, x, H - 40 + i * 5);
            g.drawLine(x, top, x + 40, top + 5);
            if (i != dark) {
                g.setColor(new Color(255, 230, 150, 90));
                g.fillOval(x + 10, top - 10, 70, 60);
                g.setColor(new Color(255, 240, 190));
            } else {
                g.setColor(new Color(40, 40, 45));
            }
            g.fillOval(x + 30, top, 24, 14);
        }
    }

    private static void bins(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(110, 105, 100));
        houses(g, r, horizon, false);
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            int x = 60 + i * 100 + r.nextInt(20);
            int y = horizon + 40 + r.nextInt(30);
            g.setColor(vary(new Color(40, 110, 60), r, 20));
            g.fillRect(x, y, 80, 90);
            g.setColor(vary(new Color(30, 80, 45), r, 10));
            g.fillRect(x - 4, y - 8, 88, 12);
        }
        for (int i = 0; i < 25 + r.nextInt(20); i++) { // bags and litter around
            g.setColor(vary(i % 3 == 0 ? new Color(30, 30, 35) : i % 3 == 1 ? new Color(200, 200, 210) : new Color(160, 60, 50), r, 30));
            int x = 20 + r.nextInt(W - 40);
            int y = horizon + 100 + r.nextInt(Math.max(10, H - horizon - 110));
            g.fillOval(x, y, 14 + r.nextInt(26), 10 + r.nextInt(18));
        }
    }

    private static void tree(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(150, 140, 120));
        g.setColor(vary(new Color(60, 110, 50), r, 20));
        for (int i = 0; i < 6; i++) {
            g.fillOval(r.nextInt(W), horizon - 80 - r.nextInt(40), 90 + r.nextInt(60), 90);
        }
        int x0 = 60 + r.nextInt(100);
        int y0 = H - 40 - r.nextInt(40);
        int x1 = x0 + 220 + r.nextInt(120);
        int y1 = horizon + 10 + r.nextInt(60);
        g.setColor(vary(new Color(90, 65, 45), r, 12));
        g.setStroke(new BasicStroke(22 + r.nextInt(10), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(x0, y0, x1, y1);
        g.setStroke(new BasicStroke(7));
        for (int i = 0; i < 7; i++) {
            int bx = x0 + (x1 - x0) * (3 + i) / 10;
            int by = y0 + (y1 - y0) * (3 + i) / 10;
            g.drawLine(bx, by, bx + r.nextInt(80) - 20, by - 30 - r.nextInt(50));
        }
        g.setColor(vary(new Color(70, 120, 55), r, 25));
        for (int i = 0; i < 12; i++) {
            g.fillOval(x1 - 90 + r.nextInt(150), y1 - 90 + r.nextInt(100), 50 + r.nextInt(40), 40 + r.nextInt(30));
        }
    }

    private static void water(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(90, 90, 92));
        houses(g, r, horizon, false);
        Polygon pool = new Polygon();
        int cx = W / 2 + r.nextInt(120) - 60;
        int cy = horizon + (H - horizon) * 2 / 3;
        for (int k = 0; k < 18; k++) {
            double a = Math.PI * 2 * k / 18;
            double f = 0.6 + r.nextDouble() * 0.5;
            pool.addPoint(cx + (int) (Math.cos(a) * 190 * f), cy + (int) (Math.sin(a) * 55 * f));
        }
        g.setColor(vary(new Color(110, 130, 150), r, 15));
        g.fillPolygon(pool);
        g.setColor(new Color(220, 230, 240, 120));
        for (int i = 0; i < 6; i++) {
            g.fillOval(cx - 120 + r.nextInt(240), cy - 20 + r.nextInt(40), 30 + r.nextInt(30), 4);
        }
        g.setColor(new Color(50, 50, 50));
        g.fillOval(cx - 30, cy - 12, 60, 22); // the manhole it comes from
    }

    private static void lift(Graphics2D g, Random r) {
        g.setColor(vary(new Color(170, 160, 140), r, 20));
        g.fillRect(0, 0, W, H);
        g.setColor(vary(new Color(120, 110, 95), r, 15));
        g.fillRect(0, H - 70, W, 70);
        int x = 140 + r.nextInt(60);
        g.setPaint(new GradientPaint(x, 0, new Color(150, 155, 160), x + 200, 0, new Color(95, 100, 105)));
        g.fillRect(x, 50, 200, H - 120);
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(3));
        g.drawLine(x + 100, 50, x + 100, H - 70);
        g.setColor(new Color(30, 30, 30));
        g.fillRect(x + 215, 170, 22, 40);
        g.setColor(new Color(200, 40, 40));
        g.fillOval(x + 220, 178, 12, 12);
        g.setColor(new Color(250, 250, 245));
        g.fillRect(x + 50, 120, 100, 70); // a notice taped to the door
    }

    private static void shelter(Graphics2D g, Random r) {
        int horizon = 200 + r.nextInt(30);
        g.setColor(vary(new Color(175, 165, 150), r, 20));
        g.fillRect(0, 40, W, horizon - 40);
        g.setColor(vary(new Color(120, 120, 118), r, 10));
        g.fillRect(0, horizon, W, H - horizon);
        int x = 160 + r.nextInt(80);
        g.setColor(vary(new Color(70, 80, 75), r, 15));
        g.fillRect(x, horizon - 130, 110, 130 + 40);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(x + 85, horizon - 60, 10, 22);
        g.setColor(new Color(30, 90, 170));
        g.fillRect(x - 10, horizon - 190, 130, 45);
        g.setColor(Color.WHITE);
        g.fillPolygon(new Polygon(new int[] {x + 10, x + 40, x + 40, x + 80, x + 80, x + 40, x + 40},
                new int[] {horizon - 168, horizon - 185, horizon - 175, horizon - 175, horizon - 161, horizon - 161, horizon - 151}, 7));
    }

    private static void dogs(Graphics2D g, Random r) {
        int horizon = road(g, r, new Color(140, 130, 110));
        houses(g, r, horizon, false);
        for (int i = 0; i < 2 + r.nextInt(4); i++) {
            int x = 40 + r.nextInt(W - 120);
            int y = horizon + 50 + r.nextInt(Math.max(10, H - horizon - 100));
            g.setColor(vary(i % 2 == 0 ? new Color(120, 90, 60) : new Color(60, 55, 50), r, 25));
            g.fillOval(x, y, 70, 30);
            g.fillOval(x + 55, y - 18, 28, 24);
            g.setStroke(new BasicStroke(6));
            g.drawLine(x + 10, y + 25, x + 8, y + 50);
            g.drawLine(x + 55, y + 25, x + 57, y + 50);
            g.drawLine(x, y + 8, x - 18, y - 6);
        }
    }

    private static void damaged(Graphics2D g, Random r, boolean facility) {
        int horizon = 260 + r.nextInt(40);
        g.setColor(vary(new Color(120, 115, 100), r, 15));
        g.fillRect(0, horizon, W, H - horizon);
        int x = 60 + r.nextInt(60);
        int w = facility ? 340 : 260;
        int floors = facility ? 3 : 5 + r.nextInt(5);
        int top = horizon - floors * 24 - 10;
        g.setColor(vary(facility ? new Color(200, 170, 140) : new Color(195, 190, 180), r, 15));
        g.fillRect(x, top, w, horizon - top);
        for (int f = 0; f < floors; f++) {
            for (int wx = x + 12; wx < x + w - 20; wx += 28) {
                g.setColor(r.nextInt(3) == 0 ? new Color(15, 15, 15) : vary(new Color(110, 130, 150), r, 15));
                g.fillRect(wx, top + 10 + f * 24, 16, 14);
            }
        }
        g.setColor(new Color(35, 30, 28, 200)); // soot above burnt windows, a hole in the wall
        for (int i = 0; i < 3; i++) {
            g.fillOval(x + r.nextInt(w - 60), top + r.nextInt(Math.max(10, horizon - top - 60)), 40 + r.nextInt(50), 50 + r.nextInt(40));
        }
        Polygon gap = new Polygon(new int[] {x + w - 80, x + w, x + w, x + w - 40}, new int[] {top, top, top + 70, top + 30}, 4);
        g.setPaint(new GradientPaint(0, 0, new Color(140, 170, 200), 0, H / 2f, new Color(200, 210, 220)));
        g.fillPolygon(gap);
        g.setColor(vary(new Color(130, 125, 115), r, 20));
        for (int i = 0; i < 18; i++) { // rubble
            g.fillOval(x - 30 + r.nextInt(w + 60), horizon - 10 + r.nextInt(30), 12 + r.nextInt(30), 8 + r.nextInt(14));
        }
    }

    private static void well(Graphics2D g, Random r) {
        int horizon = 180 + r.nextInt(40);
        g.setColor(vary(new Color(100, 130, 70), r, 20));
        g.fillRect(0, horizon, W, H - horizon);
        int x = 170 + r.nextInt(60);
        g.setColor(vary(new Color(150, 150, 145), r, 15));
        g.fillRect(x, horizon + 20, 130, 80);
        g.setColor(vary(new Color(110, 75, 45), r, 15));
        g.fillRect(x + 5, horizon - 80, 12, 110);
        g.fillRect(x + 113, horizon - 80, 12, 110);
        g.fillPolygon(new Polygon(new int[] {x - 20, x + 65, x + 150}, new int[] {horizon - 70, horizon - 130, horizon - 70}, 3));
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(3));
        g.drawLine(x + 65, horizon - 70, x + 65, horizon + 10);
        g.setColor(new Color(90, 90, 95));
        g.fillRect(x + 52, horizon + 5, 26, 22);
    }

    private static void noise(BufferedImage image, Random r) {
        for (int i = 0; i < 2500; i++) {
            int x = r.nextInt(W);
            int y = r.nextInt(H);
            int rgb = image.getRGB(x, y);
            int d = r.nextInt(31) - 15;
            image.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + d) << 16) | (clamp(((rgb >> 8) & 0xff) + d) << 8) | clamp((rgb & 0xff) + d));
        }
    }
}
