package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BodyMeetingRepository extends JpaRepository<BodyMeeting, Long> {

    List<BodyMeeting> findByBodyIdOrderByHeldOnDescIdDesc(long bodyId);
}
