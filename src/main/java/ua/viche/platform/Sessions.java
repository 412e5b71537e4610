package ua.viche.platform;

import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The browser sessions accounts are signed in with. Sessions live in PostgreSQL (Spring Session
 * JDBC); a signed-in session is indexed by its principal name, which is made from the account's id
 * (stable when the account's e-mail changes), so that all of an account's sessions can be ended at
 * once: after a password reset or change, or when an account may no longer sign in.
 */
@Service
public class Sessions {

    private final JdbcTemplate jdbc;

    Sessions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The principal name a signed-in session of this account is indexed by. */
    public static String principalName(long accountId) {
        return "account:" + accountId;
    }

    /**
     * Ends every session the account is signed in with, except the one with this id (the caller's
     * own; null: none is kept), in the caller's transaction. Returns how many were ended.
     */
    public int endAllOf(long accountId, @Nullable String exceptSessionId) {
        return jdbc.update("delete from spring_session where principal_name = ? and session_id <> ?",
                principalName(accountId), exceptSessionId == null ? "" : exceptSessionId);
    }

    /** Ends every session of these accounts. Returns how many were ended. */
    public int endAllOf(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        String[] names = accountIds.stream().map(Sessions::principalName).toArray(String[]::new);
        return jdbc.update(c -> {
            var statement = c.prepareStatement("delete from spring_session where principal_name = any (?)");
            statement.setArray(1, c.createArrayOf("varchar", names));
            return statement;
        });
    }
}
