package ua.viche.monitoring.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgrammeRepository extends JpaRepository<Programme, Long> {

    List<Programme> findAllByOrderByFirstYearDescIdDesc();
}
