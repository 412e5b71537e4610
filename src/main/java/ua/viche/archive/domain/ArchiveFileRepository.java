package ua.viche.archive.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ArchiveFileRepository extends JpaRepository<ArchiveFile, Long> {

    List<ArchiveFile> findByInventoryIdOrderById(long inventoryId);

    Optional<ArchiveFile> findByInventoryIdAndNumber(long inventoryId, String number);

    /** The file, locked until the transaction ends (pages are numbered one after another under this lock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from ArchiveFile f where f.id = ?1")
    Optional<ArchiveFile> findForUpdate(long id);
}
