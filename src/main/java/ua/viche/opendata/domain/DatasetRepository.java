package ua.viche.opendata.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DatasetRepository extends JpaRepository<Dataset, Long> {

    Optional<Dataset> findByName(String name);

    Optional<Dataset> findByUuid(UUID uuid);

    Optional<Dataset> findBySourceModule(String module);

    List<Dataset> findAllByOrderByTitleUk();
}
