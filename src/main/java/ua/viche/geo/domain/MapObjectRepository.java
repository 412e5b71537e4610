package ua.viche.geo.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MapObjectRepository extends JpaRepository<MapObject, Long> {

    List<MapObject> findByLayerIdOrderById(long layerId);

    long countByLayerId(long layerId);
}
