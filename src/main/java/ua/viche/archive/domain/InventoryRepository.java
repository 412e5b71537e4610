package ua.viche.archive.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InventoryRepository extends JpaRepository<Inventory, Long> {

    List<Inventory> findByFondIdOrderByNumber(long fondId);

    Optional<Inventory> findByFondIdAndNumber(long fondId, String number);
}
