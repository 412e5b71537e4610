package ua.viche.petitions.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByPetitionIdOrderById(long petitionId);

    long countByPetitionId(long petitionId);
}
