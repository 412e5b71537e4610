package ua.viche.platform.community;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommunityRepository extends JpaRepository<CommunityEntity, Long> {

    Optional<CommunityEntity> findBySlug(String slug);

    List<CommunityEntity> findAllByOrderByNameUk();
}
