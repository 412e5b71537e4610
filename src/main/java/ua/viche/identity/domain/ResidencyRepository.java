package ua.viche.identity.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import ua.viche.identity.ResidencyBasis;

/** Declarations of the current community (tenant-filtered; all communities outside one). */
public interface ResidencyRepository extends JpaRepository<Residency, Long> {

    Optional<Residency> findByPersonIdAndBasis(Long personId, ResidencyBasis basis);

    List<Residency> findByPersonId(Long personId);

    void deleteByPersonId(Long personId);
}
