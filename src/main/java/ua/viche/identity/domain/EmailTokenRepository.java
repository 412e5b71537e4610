package ua.viche.identity.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import jakarta.persistence.LockModeType;

public interface EmailTokenRepository extends JpaRepository<EmailToken, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<EmailToken> findByTokenHash(String tokenHash);

    /** The same lookup without a lock, to show a form (it runs in a read-only transaction). */
    Optional<EmailToken> readByTokenHash(String tokenHash);
}
