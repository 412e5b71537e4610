package ua.viche.geo.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LayerRepository extends JpaRepository<Layer, Long> {

    List<Layer> findAllByOrderByPositionAscIdAsc();

    Optional<Layer> findBySlug(String slug);
}
