package ua.viche.identity.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Declarations of the current community (tenant-filtered; all communities outside one). */
public interface ResidencyRepository extends JpaRepository<Residency, Long> {

    boolean existsByPersonIdAndBasis(Long personId, Residency.Basis basis);

    List<Residency> findByPersonId(Long personId);

    void deleteByPersonId(Long personId);
}
