package ua.viche.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;
import ua.viche.IntegrationTest;

/** Plain JDBC transactions: statements share one, and JPA inside one fails at once (decision 0025). */
@IntegrationTest
class PlainTransactionsTest {

    @Autowired PlainTransactions plain;
    @Autowired JdbcTemplate jdbc;
    @Autowired Communities communities;

    @Test
    void statementsRunInOneTransactionThatJoinsAndRollsBack() {
        List<Long> inOne = plain.execute(s -> List.of(txid(), plain.execute(inner -> txid())));
        assertThat(inOne.get(0)).as("a nested call joins the transaction").isEqualTo(inOne.get(1));
        assertThat(txid()).as("outside, each statement commits alone").isNotEqualTo(txid());

        String recipient = "plain-" + System.nanoTime() + "@example.org";
        assertThatThrownBy(() -> plain.executeWithoutResult(s -> {
            jdbc.update("insert into mail_message (recipient, subject, body, status) values (?, 'x', 'x', 'KEPT')", recipient);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        assertThat(jdbc.queryForObject("select count(*) from mail_message where recipient = ?", Integer.class, recipient)).isZero();
    }

    @Test
    void jpaInsideAPlainTransactionFailsAtOnce() {
        Community k = communities.bySlug("kropyvnytskyi").orElseThrow();
        assertThatThrownBy(() -> plain.execute(s -> CurrentCommunity.callAs(k, () -> communities.department(1L))))
                .isInstanceOf(TransactionException.class).hasStackTraceContaining("bound to thread");
    }

    private long txid() {
        Long id = jdbc.queryForObject("select txid_current()", Long.class);
        return id == null ? -1 : id;
    }
}
