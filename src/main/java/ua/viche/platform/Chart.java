package ua.viche.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A chart of a figures page, drawn on the server as SVG so that it needs no JavaScript, prints, and
 * stays sharp at any zoom; the page shows the same numbers as a table beside it
 * ({@code fragments/chart :: chart}). Every mark carries its value as text or a pattern as well as a
 * colour, so colour is never the only cue; the SVG has a title and a description for screen readers.
 *
 * <p>Kinds: {@link Kind#BAR} (one series, horizontal bars, so long Ukrainian labels fit),
 * {@link Kind#STACKED_BAR} (several series stacked per row), {@link Kind#LINE} (series over an
 * ordered axis such as months, with a different marker and dash per series) and {@link Kind#SHARE}
 * (one series as the parts of one whole, a single bar of 100 %). Titles, labels and series names
 * come already in the reader's language; numbers are formatted for {@code locale}.
 */
public final class Chart {

    public enum Kind { BAR, STACKED_BAR, LINE, SHARE }

    /**
     * One named row of values, a value for each label of the chart. A {@link Kind#LINE} series may
     * have gaps (null: nothing known for that label), drawn as a break in its line and a dash in the table.
     */
    public record Series(String name, List<? extends @Nullable Number> values) {}

    private static final String[] COLOURS = {"#1f5fa8", "#a34d00", "#2e7d32", "#6a1b9a", "#5d4037", "#00695c"};
    private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "1 2"};
    private static final int WIDTH = 720;
    private static final int LABEL_WIDTH = 250;
    private static final int ROW = 30;
    private static final int LABEL_CHARS = 28;

    private final String id;
    private final Kind kind;
    private final String title;
    private final String description;
    private final List<String> labels;
    private final List<Series> series;
    private final Locale locale;

    private Chart(String id, Kind kind, String title, String description, List<String> labels, List<Series> series,
            Locale locale) {
        for (Series s : series) {
            if (s.values().size() != labels.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + labels.size() + " labels");
            }
        }
        if ((kind == Kind.BAR || kind == Kind.SHARE) && series.size() != 1) {
            throw new IllegalArgumentException(kind + " takes one series");
        }
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.labels = List.copyOf(labels);
        this.series = List.copyOf(series);
        this.locale = locale;
    }

    public static Chart of(String id, Kind kind, String title, String description, List<String> labels,
            List<Series> series, Locale locale) {
        return new Chart(id, kind, title, description, labels, series, locale);
    }

    public String id() { return id; }
    public Kind kind() { return kind; }
    public String title() { return title; }
    public String description() { return description; }
    public List<String> labels() { return labels; }
    public List<Series> series() { return series; }

    /** Nothing to draw: no labels, or every value zero. The page then says so instead of a blank chart. */
    public boolean isEmpty() {
        return labels.isEmpty() || series.stream().flatMap(s -> s.values().stream()).allMatch(v -> v == null || v.doubleValue() == 0);
    }

    /** A value as the table and the chart print it. */
    public String format(@Nullable Number value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(value instanceof BigDecimal d ? Math.max(0, d.scale()) : 1);
        return format.format(value);
    }

    /** The share of {@code value} in its series' total, in per cent with one decimal, for {@link Kind#SHARE}. */
    public String percent(Number value) {
        double total = series.get(0).values().stream().mapToDouble(Chart::value).sum();
        BigDecimal share = total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(value.doubleValue() * 100 / total).setScale(1, RoundingMode.HALF_UP);
        return format(share) + " %";
    }

    private static double value(@Nullable Number n) {
        return n == null ? 0 : n.doubleValue();
    }

    /** The SVG markup (safe to insert into HTML unescaped: every text in it is escaped). */
    public String svg() {
        Svg svg = new Svg();
        switch (kind) {
            case BAR, STACKED_BAR -> bars(svg);
            case LINE -> lines(svg);
            case SHARE -> share(svg);
        }
        return svg.toString();
    }

    // ---- drawing

    private void bars(Svg svg) {
        boolean legend = kind == Kind.STACKED_BAR;
        int top = legend ? legendHeight() : 10;
        int height = top + labels.size() * ROW + 10;
        svg.open(height);
        if (legend) {
            legend(svg, 0);
        }
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            max = Math.max(max, rowTotal(i));
        }
        int plot = WIDTH - LABEL_WIDTH - 80;
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * ROW;
            svg.text(LABEL_WIDTH - 8, y + 19, "end", shorten(labels.get(i)), labels.get(i));
            double x = LABEL_WIDTH;
            for (int s = 0; s < series.size(); s++) {
                Number value = series.get(s).values().get(i);
                double w = max == 0 ? 0 : value(value) / max * plot;
                svg.rect(x, y + 4, w, ROW - 8, s, series.get(s).name() + ", " + labels.get(i) + ": " + format(value),
                        value);
                if (legend && w > 40) {
                    svg.valueOnBar(x + w / 2, y + 19, format(value));
                }
                x += w;
            }
            svg.text(x + 6, y + 19, "start", format(rowTotal(i)), null);
        }
    }

    private void share(Svg svg) {
        int top = legendHeight();
        svg.open(top + 60);
        legend(svg, 0);
        List<? extends @Nullable Number> values = series.get(0).values();
        double total = values.stream().mapToDouble(Chart::value).sum();
        double x = 0;
        for (int i = 0; i < labels.size(); i++) {
            double w = total == 0 ? 0 : value(values.get(i)) / total * WIDTH;
            svg.rect(x, top + 4, w, 40, i, labels.get(i) + ": " + format(values.get(i)) + " (" + percent(values.get(i)) + ")",
                    values.get(i));
            if (w > 60) {
                svg.valueOnBar(x + w / 2, top + 29, percent(values.get(i)));
            }
            x += w;
        }
    }

    private void lines(Svg svg) {
        int top = legendHeight();
        int plotHeight = 220;
        int left = 70;
        int right = WIDTH - 20;
        svg.open(top + plotHeight + 50);
        legend(svg, 0);
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Chart::value).max().orElse(0);
        double step = niceStep(max / 4);
        double ceiling = Math.max(step * 4, step * Math.ceil(max / step));
        int bottom = top + plotHeight;
        for (double tick = 0; tick <= ceiling + step / 2; tick += step) {
            double y = bottom - tick / ceiling * (plotHeight - 10);
            svg.gridLine(left, y, right);
            svg.text(left - 6, y + 5, "end", format(tick), null);
        }
        double gap = labels.size() > 1 ? (double) (right - left - 20) / (labels.size() - 1) : 0;
        for (int i = 0; i < labels.size(); i++) {
            svg.text(left + 10 + i * gap, bottom + 20, "middle", shorten(labels.get(i)), labels.get(i));
        }
        for (int s = 0; s < series.size(); s++) {
            double[][] points = new double[labels.size()][];
            List<double[]> line = new ArrayList<>();
            for (int i = 0; i <= labels.size(); i++) {
                Number value = i < labels.size() ? series.get(s).values().get(i) : null;
                if (value == null) { // a gap (or the end): the line drawn so far ends here
                    if (!line.isEmpty()) {
                        svg.polyline(line, s);
                    }
                    line = new ArrayList<>();
                    continue;
                }
                points[i] = new double[] {left + 10 + i * gap, bottom - (ceiling == 0 ? 0 : value.doubleValue() / ceiling * (plotHeight - 10))};
                line.add(points[i]);
            }
            for (int i = 0; i < labels.size(); i++) {
                Number value = series.get(s).values().get(i);
                if (value != null) {
                    svg.marker(points[i][0], points[i][1], s, series.get(s).name() + ", " + labels.get(i) + ": " + format(value), value);
                }
            }
        }
    }

    /** The legend: a swatch with the series' pattern (or marker) and its name, one row of up to three. */
    private void legend(Svg svg, int top) {
        List<String> names = kind == Kind.SHARE ? labels : series.stream().map(Series::name).toList();
        for (int i = 0; i < names.size(); i++) {
            int x = (i % 3) * (WIDTH / 3);
            int y = top + (i / 3) * 26 + 6;
            if (kind == Kind.LINE) {
                svg.legendLine(x, y + 9, i);
            } else {
                svg.swatch(x, y, i);
            }
            svg.text(x + 28, y + 14, "start", shorten(names.get(i)), names.get(i));
        }
    }

    private int legendHeight() {
        int entries = kind == Kind.SHARE ? labels.size() : series.size();
        return ((entries + 2) / 3) * 26 + 14;
    }

    private double rowTotal(int i) {
        return series.stream().mapToDouble(s -> value(s.values().get(i))).sum();
    }

    private static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).strip() + "…";
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough} (and at least 1). */
    static double niceStep(double rough) {
        if (rough <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** An SVG document being written; every text goes through {@link #escape}. */
    private final class Svg {
        private final StringBuilder out = new StringBuilder();

        void open(int height) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 ")
                    .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"")
                    .append(id).append("-title ").append(id).append("-desc\" font-family=\"sans-serif\" font-size=\"14\">")
                    .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>")
                    .append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>")
                    .append("<defs>");
            for (int i = 0; i < COLOURS.length; i++) {
                pattern(i);
            }
            out.append("</defs>");
        }

        /** Series i: its colour with a pattern of white marks (none for the first), distinct for each. */
        private void pattern(int i) {
            String colour = COLOURS[i];
            out.append("<pattern id=\"").append(id).append("-p").append(i)
                    .append("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">")
                    .append("<rect width=\"8\" height=\"8\" fill=\"").append(colour).append("\"/>");
            switch (i) {
                case 1 -> out.append("<path d=\"M0 8L8 0\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
                case 2 -> out.append("<circle cx=\"4\" cy=\"4\" r=\"1.6\" fill=\"#fff\"/>");
                case 3 -> out.append("<path d=\"M0 4H8M4 0V8\" stroke=\"#fff\" stroke-width=\"1.2\"/>");
                case 4 -> out.append("<path d=\"M0 0L8 8\" stroke=\"#fff\" stroke-width=\"1.5\"/>");
                case 5 -> out.append("<path d=\"M0 2H8M0 6H8\" stroke=\"#fff\" stroke-width=\"1\"/>");
                default -> { }
            }
            out.append("</pattern>");
        }

        private String fill(int i) {
            return "url(#" + id + "-p" + (i % COLOURS.length) + ")";
        }

        void rect(double x, double y, double w, double h, int i, String label, Number value) {
            out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill(i))
                    .append("\" stroke=\"#1a1a1a\" stroke-width=\"0.5\" data-value=\"").append(value).append("\"><title>")
                    .append(escape(label)).append("</title></rect>");
        }

        void swatch(int x, int y, int i) {
            out.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"20\" height=\"18\" fill=\"")
                    .append(fill(i)).append("\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>");
        }

        void valueOnBar(double x, double y, String text) {
            out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"middle\" fill=\"#fff\" stroke=\"#1a1a1a\" stroke-width=\"3\" paint-order=\"stroke\" font-weight=\"bold\">")
                    .append(escape(text)).append("</text>");
        }

        void text(double x, double y, String anchor, String text, String full) {
            out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                    .append("\" fill=\"#1a1a1a\">");
            if (full != null && !full.equals(text)) {
                out.append("<title>").append(escape(full)).append("</title>");
            }
            out.append(escape(text)).append("</text>");
        }

        void gridLine(double x1, double y, double x2) {
            out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(n(x2))
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"#767676\" stroke-width=\"0.5\"/>");
        }

        void polyline(List<double[]> points, int i) {
            out.append("<polyline fill=\"none\" stroke=\"").append(COLOURS[i % COLOURS.length])
                    .append("\" stroke-width=\"2.5\"");
            if (!DASHES[i % DASHES.length].isEmpty()) {
                out.append(" stroke-dasharray=\"").append(DASHES[i % DASHES.length]).append('"');
            }
            out.append(" points=\"");
            for (double[] p : points) {
                out.append(n(p[0])).append(',').append(n(p[1])).append(' ');
            }
            out.append("\"/>");
        }

        /** A point of series i: a circle, square, triangle, diamond… in the series' colour. */
        void marker(double x, double y, int i, String label, Number value) {
            String colour = COLOURS[i % COLOURS.length];
            out.append("<g data-value=\"").append(value).append("\"><title>").append(escape(label)).append("</title>");
            shape(x, y, i, colour);
            out.append("</g>");
        }

        void legendLine(int x, int y, int i) {
            polyline(List.of(new double[] {x, y}, new double[] {x + 20, y}), i);
            shape(x + 10, y, i, COLOURS[i % COLOURS.length]);
        }

        private void shape(double x, double y, int i, String colour) {
            String common = "\" fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"1\"/>";
            switch (i % 4) {
                case 0 -> out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"5").append(common);
                case 1 -> out.append("<rect x=\"").append(n(x - 5)).append("\" y=\"").append(n(y - 5))
                        .append("\" width=\"10\" height=\"10").append(common);
                case 2 -> out.append("<path d=\"M").append(n(x)).append(' ').append(n(y - 6)).append("L").append(n(x + 6))
                        .append(' ').append(n(y + 5)).append("L").append(n(x - 6)).append(' ').append(n(y + 5)).append("Z").append(common);
                default -> out.append("<path d=\"M").append(n(x)).append(' ').append(n(y - 6)).append("L").append(n(x + 6))
                        .append(' ').append(n(y)).append("L").append(n(x)).append(' ').append(n(y + 6)).append("L")
                        .append(n(x - 6)).append(' ').append(n(y)).append("Z").append(common);
            }
        }

        @Override
        public String toString() {
            return out + "</svg>";
        }
    }

    private static String n(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
