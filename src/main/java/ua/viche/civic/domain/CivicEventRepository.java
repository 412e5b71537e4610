package ua.viche.civic.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CivicEventRepository extends JpaRepository<CivicEvent, Long> {

    Page<CivicEvent> findByPublishedTrueAndEndsAtAfterOrderByStartsAtAscIdAsc(Instant now, Pageable page);

    Page<CivicEvent> findByPublishedTrueAndEndsAtLessThanEqualOrderByStartsAtDescIdDesc(Instant now, Pageable page);

    List<CivicEvent> findByPublishedTrueAndStartsAtAfterOrderByStartsAtAscIdAsc(Instant from);

}
