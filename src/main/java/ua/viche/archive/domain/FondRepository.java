package ua.viche.archive.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FondRepository extends JpaRepository<Fond, Long> {

    List<Fond> findAllByOrderByNumber();

    Optional<Fond> findByNumber(String number);
}
