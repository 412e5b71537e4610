package ua.viche.opendata.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ResourceRepository extends JpaRepository<DatasetResource, Long> {

    List<DatasetResource> findByDatasetIdOrderByPosition(long datasetId);

    List<DatasetResource> findByDatasetIdInOrderByDatasetIdAscPositionAsc(Collection<Long> datasetIds);

    Optional<DatasetResource> findByUuid(UUID uuid);
}
