package ua.viche.problems.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Open311 clients of the current community. */
public interface Open311ClientRepository extends JpaRepository<Open311Client, Long> {

    Optional<Open311Client> findByKeyHash(String keyHash);

    List<Open311Client> findAllByOrderByCreatedAtDesc();
}
