package ua.viche.problems.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Photos of reports. */
public interface ProblemPhotoRepository extends JpaRepository<ProblemPhoto, Long> {

    List<ProblemPhoto> findByReportIdOrderById(long reportId);

    long countByReportId(long reportId);
}
