package ua.viche.platform;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions of plain SQL, without an entity manager (decision 0025). The actions people race
 * for (signing, voting) read and write only through {@code JdbcTemplate}; the JPA transaction
 * manager would open an entity manager and a Hibernate transaction around each of them for
 * nothing. Work run here must not use JPA: a {@code @Transactional} call or a repository inside it
 * fails at once, because the JPA transaction manager finds the data source's connection already bound.
 */
@Component
public class PlainTransactions implements TransactionOperations {

    private final DataSourceTransactionManager manager;
    private final TransactionTemplate joining;

    PlainTransactions(DataSource dataSource) {
        this.manager = new DataSourceTransactionManager(dataSource);
        this.joining = new TransactionTemplate(manager);
    }

    /** Runs the work in a transaction, joining one of these already open on this thread. */
    @Override
    public <T extends @Nullable Object> T execute(TransactionCallback<T> work) {
        return joining.execute(work);
    }

    /** Transactions that always begin anew, suspending the caller's (the session store's). */
    public TransactionOperations separate() {
        TransactionTemplate separate = new TransactionTemplate(manager);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return separate;
    }
}
