package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BodyMemberRepository extends JpaRepository<BodyMember, Long> {

    List<BodyMember> findByBodyIdOrderByTermFromDescIdAsc(long bodyId);
}
