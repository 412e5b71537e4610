package ua.viche.identity.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    Optional<Account> findByPersonId(Long personId);

    /** Accounts whose address ends so (demo accounts: {@link Account#DEMO_DOMAIN}). */
    List<Account> findByEmailEndingWith(String suffix);

    boolean existsByPlatformAdminTrue();
}
