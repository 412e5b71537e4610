package ua.viche.queue.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Offices of the current community. */
public interface OfficeRepository extends JpaRepository<Office, Long> {
    List<Office> findAllByOrderByRemoteAscIdAsc();
    Optional<Office> findByNameUk(String nameUk);
}
