package ua.viche.archive.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArchiveFileRepository extends JpaRepository<ArchiveFile, Long> {

    List<ArchiveFile> findByInventoryIdOrderById(long inventoryId);

    Optional<ArchiveFile> findByInventoryIdAndNumber(long inventoryId, String number);
}
