package ua.viche.identity.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExternalLoginRepository extends JpaRepository<ExternalLogin, Long> {

    Optional<ExternalLogin> findByProviderAndSubject(String provider, String subject);

    List<ExternalLogin> findByAccountId(Long accountId);
}
