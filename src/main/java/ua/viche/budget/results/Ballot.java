package ua.viche.budget.results;

import java.util.Set;

/**
 * One voter's approved projects within the category. A ballot with no approved project still
 * counts as a voter under {@link Method#EQUAL_SHARES} (it receives a share it cannot spend), so pass
 * only the voters who voted in this category.
 */
public record Ballot(long voterId, Set<Long> approved) {

    public Ballot {
        approved = Set.copyOf(approved);
    }
}
