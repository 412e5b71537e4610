package ua.viche.identity.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import jakarta.persistence.LockModeType;

public interface EmailTokenRepository extends JpaRepository<EmailToken, Long> {

    /** The token, read only (e.g. to decide whether to show a form). */
    Optional<EmailToken> findByTokenHash(String tokenHash);

    /** The token locked for update, to use it once: needs a read-write transaction. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from EmailToken t where t.tokenHash = ?1")
    Optional<EmailToken> lockByTokenHash(String tokenHash);
}
