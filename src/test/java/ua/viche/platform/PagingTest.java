package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Page numbers people type become pages a query can take. */
class PagingTest {

    @Test
    void pageNumbersStayBetweenTheFirstAndTheLastPossiblePage() {
        assertThat(Paging.of(-5, 20).getPageNumber()).isZero();
        assertThat(Paging.of(3, 20).getPageNumber()).isEqualTo(3);
        assertThat(Paging.of(Integer.MAX_VALUE, 20).getOffset()).isLessThanOrEqualTo(Integer.MAX_VALUE - 20);
        assertThat(Paging.of(Integer.MAX_VALUE, 1).getOffset()).isLessThan(Integer.MAX_VALUE);
        assertThat((long) Paging.number(Integer.MAX_VALUE, 50) * 50).isLessThanOrEqualTo(Integer.MAX_VALUE);
    }
}
