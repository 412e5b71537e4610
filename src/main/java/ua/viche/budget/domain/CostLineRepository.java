package ua.viche.budget.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CostLineRepository extends JpaRepository<CostLine, Long> {

    List<CostLine> findByProjectIdOrderByRevisedAscPositionAsc(long projectId);

    void deleteByProjectIdAndRevised(long projectId, boolean revised);
}
