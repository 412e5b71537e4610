package ua.viche.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds the charts of figures pages in the page's language: titles, descriptions and series names
 * come from message keys, numbers are formatted as {@link Numbers} does.
 */
@Component
public class Charts {

    private final MessageSource messages;

    Charts(MessageSource messages) {
        this.messages = messages;
    }

    /** One series of labelled values as horizontal bars. */
    public Chart bar(String id, String titleKey, String descriptionKey, String seriesKey, List<String> labels,
                     List<? extends Number> values) {
        return chart(id, Chart.Kind.BAR, titleKey, descriptionKey, labels, List.of(series(seriesKey, values)));
    }

    /** One series as the parts of a whole. */
    public Chart share(String id, String titleKey, String descriptionKey, String seriesKey, List<String> labels,
                       List<? extends Number> values) {
        return chart(id, Chart.Kind.SHARE, titleKey, descriptionKey, labels, List.of(series(seriesKey, values)));
    }

    public Chart chart(String id, Chart.Kind kind, String titleKey, String descriptionKey, List<String> labels,
                       List<Chart.Series> series) {
        return Chart.of(id, kind, text(titleKey), text(descriptionKey), labels, series, Numbers.locale());
    }

    /** A series named by a message key. */
    public Chart.Series series(String nameKey, List<? extends @Nullable Number> values) {
        return new Chart.Series(text(nameKey), values);
    }

    /** A message in the page's language (labels of a chart). */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, Numbers.locale());
    }
}
