package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks a figures page: every chart on it draws exactly the numbers of its table twin. */
public final class ChartTables {

    private ChartTables() {}

    /** Asserts that each chart's drawn values equal its table's, in order; returns how many charts there were. */
    public static int assertChartsMatchTables(String html) {
        Document page = Jsoup.parse(html);
        int charts = 0;
        for (Element figure : page.select("figure.chart")) {
            Element svg = figure.selectFirst("svg");
            if (svg == null) {
                assertThat(figure.select("p.empty")).as("an empty chart says so").hasSize(1);
                continue;
            }
            assertThat(svg.attr("role")).isEqualTo("img");
            assertThat(svg.selectFirst("title")).as("the chart's title").isNotNull();
            List<String> drawn = new ArrayList<>();
            svg.select("[data-value]").forEach(e -> drawn.add(e.attr("data-value")));
            Element table = figure.selectFirst("table");
            assertThat(table).as("chart %s has a table twin", figure.id()).isNotNull();
            List<List<String>> columns = new ArrayList<>();
            for (Element row : table.select("tbody tr")) {
                List<Element> cells = row.select("td[data-value]");
                for (int i = 0; i < cells.size(); i++) {
                    if (columns.size() <= i) {
                        columns.add(new ArrayList<>());
                    }
                    columns.get(i).add(cells.get(i).attr("data-value"));
                }
            }
            List<String> tabulated = new ArrayList<>();
            if (svg.select("rect[data-value]").isEmpty()) {
                columns.forEach(tabulated::addAll); // lines: series after series
            } else {
                int rows = columns.isEmpty() ? 0 : columns.get(0).size();
                for (int r = 0; r < rows; r++) { // bars: row after row, the series of a row side by side
                    for (List<String> column : columns) {
                        tabulated.add(column.get(r));
                    }
                }
            }
            assertThat(drawn).as("chart %s draws its table's numbers", figure.id()).isEqualTo(tabulated);
            charts++;
        }
        return charts;
    }
}
