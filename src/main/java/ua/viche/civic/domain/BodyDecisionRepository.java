package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BodyDecisionRepository extends JpaRepository<BodyDecision, Long> {

    List<BodyDecision> findByMeetingIdOrderByNumberAsc(long meetingId);

    boolean existsByMeetingIdAndNumber(long meetingId, int number);

    @Query("select coalesce(max(d.number), 0) from BodyDecision d where d.meetingId = ?1")
    int maxNumber(long meetingId);
}
