package ua.viche.problems.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Status history of reports. */
public interface ProblemUpdateRepository extends JpaRepository<ProblemUpdate, Long> {

    List<ProblemUpdate> findByReportIdOrderByCreatedAtAscIdAsc(long reportId);
}
