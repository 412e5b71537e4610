package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskRepository extends JpaRepository<Task, Long> {

    List<Task> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);
}
