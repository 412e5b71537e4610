package ua.viche.problems.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Subscribers of reports. */
public interface ProblemSubscriberRepository extends JpaRepository<ProblemSubscriber, Long> {

    List<ProblemSubscriber> findByReportIdAndConfirmedTrue(long reportId);

    Optional<ProblemSubscriber> findByReportIdAndEmail(long reportId, String email);

    Optional<ProblemSubscriber> findByToken(String token);
}
