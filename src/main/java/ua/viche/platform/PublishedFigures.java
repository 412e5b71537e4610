package ua.viche.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * Figures a module computes from its own data, year by year, published for other modules (the
 * digital-development programme reads them instead of having them typed). A module implements it as a
 * bean in its own package; each figure has a key {@code <module>.<name>} and a title in the module's
 * messages. A value is of the current community, for a calendar year in Kyiv time (the running year:
 * up to now).
 */
public interface PublishedFigures {

    /** A figure: its key, the message key of its title, and its unit in Ukrainian as the programme writes units. */
    record Definition(String key, String titleKey, String unit) {}

    List<Definition> definitions();

    /** The figure's value for the current community and a year; zero for a key this module does not define is a defect. */
    BigDecimal value(String key, int year);
}
