package ua.viche.civic.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdvisoryBodyRepository extends JpaRepository<AdvisoryBody, Long> {

    List<AdvisoryBody> findAllByOrderByNameUkAscIdAsc();
}
