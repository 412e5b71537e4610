package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FigureRepository extends JpaRepository<Figure, Long> {

    List<Figure> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);
}
