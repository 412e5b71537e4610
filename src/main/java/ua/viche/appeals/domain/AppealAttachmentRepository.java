package ua.viche.appeals.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppealAttachmentRepository extends JpaRepository<AppealAttachment, Long> {

    List<AppealAttachment> findByAppealIdOrderById(long appealId);

    long countByAppealIdAndAnswer(long appealId, boolean answer);
}
