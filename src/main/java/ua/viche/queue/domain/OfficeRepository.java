package ua.viche.queue.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Offices of the current community. */
public interface OfficeRepository extends JpaRepository<Office, Long> {
    List<Office> findAllByOrderByRemoteAscIdAsc();
    java.util.Optional<Office> findByNameUk(String nameUk);
}
