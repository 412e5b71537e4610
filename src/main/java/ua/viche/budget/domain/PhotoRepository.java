package ua.viche.budget.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PhotoRepository extends JpaRepository<Photo, Long> {

    List<Photo> findByProjectIdOrderById(long projectId);

    java.util.Optional<Photo> findByIdAndProjectId(long id, long projectId);

    long countByProjectIdAndUpdateIdIsNull(long projectId);
}
