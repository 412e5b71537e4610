package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BodyEventRepository extends JpaRepository<BodyEvent, Long> {

    List<BodyEvent> findByBodyIdOrderByHappenedOnDescIdDesc(long bodyId);
}
