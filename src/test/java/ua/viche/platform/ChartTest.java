package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    private static final Locale UK = Locale.forLanguageTag("uk");

    @Test
    void barsCarryTheirValuesAndTheSvgNamesItselfForScreenReaders() throws Exception {
        Chart chart = Chart.of("by-status", Chart.Kind.BAR, "Петиції за станом", "Кількість петицій кожного стану",
                List.of("Збирає підписи", "Розглядається", "Відповідь <надано>"),
                List.of(new Chart.Series("Кількість", List.of(12, 0, 1500))), UK);

        Document svg = parse(chart.svg());
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("by-status-title by-status-desc");
        assertThat(text(svg, "title", 0)).isEqualTo("Петиції за станом");
        assertThat(text(svg, "desc", 0)).isEqualTo("Кількість петицій кожного стану");
        assertThat(values(svg, "rect")).containsExactly("12", "0", "1500");
        assertThat(chart.svg()).contains("Відповідь &lt;надано&gt;").doesNotContain("<надано>");
        assertThat(allText(svg)).contains("1\u00a0500");
    }

    @Test
    void stackedSeriesDifferByPatternNotOnlyByColourAndHaveALegend() throws Exception {
        Chart chart = Chart.of("work", Chart.Kind.STACKED_BAR, "Звернення", "За темами",
                List.of("ЖКГ", "Соцзахист"),
                List.of(new Chart.Series("Надійшло", List.of(30, 20)), new Chart.Series("З відповіддю", List.of(25, 5))), UK);

        Document svg = parse(chart.svg());
        List<String> fills = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.hasAttribute("data-value")) {
                fills.add(rect.getAttribute("fill"));
            }
        }
        assertThat(fills).containsExactly("url(#work-p0)", "url(#work-p1)", "url(#work-p0)", "url(#work-p1)");
        assertThat(svg.getElementsByTagName("pattern").item(1).getChildNodes().getLength())
                .as("the second series' pattern has marks over its colour").isGreaterThan(1);
        assertThat(allText(svg)).contains("Надійшло", "З відповіддю", "55", "25");
    }

    @Test
    void sharesArePercentagesOfTheWhole() throws Exception {
        Chart chart = Chart.of("channels", Chart.Kind.SHARE, "Канали", "Частка каналів",
                List.of("Вебсайт", "Гаряча лінія", "Петиція"), List.of(new Chart.Series("Звернень", List.of(1, 2, 1))), UK);

        assertThat(chart.percent(2)).isEqualTo("50 %");
        assertThat(chart.percent(1)).isEqualTo("25 %");
        assertThat(values(parse(chart.svg()), "rect")).containsExactly("1", "2", "1");
    }

    @Test
    void linesMarkEveryPointWithAShapeOfItsSeries() throws Exception {
        Chart chart = Chart.of("months", Chart.Kind.LINE, "Очікування", "Хвилини очікування за місяцями",
                List.of("січ", "лют", "бер"),
                List.of(new Chart.Series("2025", List.of(5, 7, 12)), new Chart.Series("2026", List.of(3, 4, 9))), UK);

        Document svg = parse(chart.svg());
        assertThat(values(svg, "g")).containsExactly("5", "7", "12", "3", "4", "9");
        assertThat(svg.getElementsByTagName("polyline").getLength()).isEqualTo(4);
        assertThat(((Element) svg.getElementsByTagName("polyline").item(1)).getAttribute("stroke-dasharray")).isEqualTo("8 4");
    }

    @Test
    void isEmptyWithoutLabelsOrWithOnlyZeros() {
        assertThat(Chart.of("a", Chart.Kind.BAR, "t", "d", List.of(), List.of(new Chart.Series("n", List.of())), UK).isEmpty())
                .isTrue();
        assertThat(Chart.of("a", Chart.Kind.BAR, "t", "d", List.of("x"), List.of(new Chart.Series("n", List.of(0))), UK)
                .isEmpty()).isTrue();
        assertThat(Chart.of("a", Chart.Kind.BAR, "t", "d", List.of("x"), List.of(new Chart.Series("n", List.of(1))), UK)
                .isEmpty()).isFalse();
    }

    @Test
    void refusesSeriesThatDoNotMatchTheLabels() {
        assertThatThrownBy(() -> Chart.of("a", Chart.Kind.BAR, "t", "d", List.of("x", "y"),
                List.of(new Chart.Series("n", List.of(1))), UK)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chart.of("a", Chart.Kind.SHARE, "t", "d", List.of("x"),
                List.of(new Chart.Series("n", List.of(1)), new Chart.Series("m", List.of(1))), UK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void axisStepsAreRound() {
        assertThat(Chart.niceStep(0.3)).isEqualTo(1);
        assertThat(Chart.niceStep(3)).isEqualTo(5);
        assertThat(Chart.niceStep(12)).isEqualTo(20);
        assertThat(Chart.niceStep(250)).isEqualTo(500);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document svg, String tag, int index) {
        return svg.getElementsByTagName(tag).item(index).getTextContent();
    }

    private static String allText(Document svg) {
        return svg.getDocumentElement().getTextContent();
    }

    private static List<String> values(Document svg, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.hasAttribute("data-value")) {
                values.add(e.getAttribute("data-value"));
            }
        }
        return values;
    }
}
