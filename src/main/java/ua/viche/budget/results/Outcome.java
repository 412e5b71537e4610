package ua.viche.budget.results;

import java.util.List;

/**
 * The result of one category.
 *
 * @param budget the category's budget (kopecks)
 * @param spent the total cost of the winners (kopecks), never above {@code budget}
 * @param lines winners first in selection order, then the rest by votes (descending, same
 *     tie-breaks as the selection)
 */
public record Outcome(Method method, long budget, long spent, List<Line> lines) {

    public Outcome {
        lines = List.copyOf(lines);
    }

    /** The winning lines in selection order. */
    public List<Line> winners() {
        return lines.stream().filter(Line::won).toList();
    }
}
