package ua.viche.identity.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Settlements of the current community (tenant-filtered). */
public interface SettlementRepository extends JpaRepository<Settlement, Long> {

    List<Settlement> findAllByOrderByNameUkAscIdAsc();

    Optional<Settlement> findByKatottg(String katottg);
}
