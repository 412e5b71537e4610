package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    List<Indicator> findByProgrammeIdOrderByPositionAscIdAsc(long programmeId);
}
