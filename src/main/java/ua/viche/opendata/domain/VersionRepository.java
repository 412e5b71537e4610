package ua.viche.opendata.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VersionRepository extends JpaRepository<Version, Long> {

    List<Version> findByResourceIdOrderByNumberDesc(long resourceId);
}
