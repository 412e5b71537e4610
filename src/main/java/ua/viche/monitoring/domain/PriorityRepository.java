package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PriorityRepository extends JpaRepository<Priority, Long> {

    List<Priority> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);
}
