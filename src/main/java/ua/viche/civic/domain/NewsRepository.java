package ua.viche.civic.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface NewsRepository extends JpaRepository<News, Long> {

    Page<News> findByPublishAtLessThanEqualOrderByPinnedDescPublishAtDescIdDesc(Instant now, Pageable page);

    Page<News> findByCategoryAndPublishAtLessThanEqualOrderByPinnedDescPublishAtDescIdDesc(NewsCategory category, Instant now, Pageable page);

    List<News> findTop50ByPublishAtLessThanEqualOrderByPublishAtDescIdDesc(Instant now);

    Page<News> findAllByOrderByPublishAtDescIdDesc(Pageable page);

    Optional<News> findFirstBySlugAndPublishAtLessThanEqualOrderByIdDesc(String slug, Instant now);

    List<News> findByReleasedFalseAndPublishAtLessThanEqual(Instant now);
}
